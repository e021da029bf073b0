using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Model;

/// <summary>A value with the profile line it came from (after extends, the file that introduced it).</summary>
public readonly record struct Located<T>(T Value, SourceLocation Origin);
