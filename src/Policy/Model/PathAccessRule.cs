using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Model;

/// <summary>Access beneath a container path; compiles to Landlock path rules and AppArmor file rules.</summary>
public sealed record PathAccessRule(string Path, FileAccess Access, SourceLocation Origin);
