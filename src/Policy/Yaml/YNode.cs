using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Yaml;

/// <summary>A YAML node that remembers where it was written. The tree is built by <see cref="YamlLoader"/>.</summary>
public abstract record YNode(SourceLocation Location);
