using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Plan;

/// <summary>The host directory bind-mounted as the new root, read-only when asked.</summary>
public sealed record RootfsPlan(string Path, bool ReadOnly, SourceLocation Origin);
