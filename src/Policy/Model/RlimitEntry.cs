using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Model;

/// <summary>Name is the short lowercase name (nofile, nproc, core...). ulong.MaxValue means unlimited.</summary>
public sealed record RlimitEntry(string Name, ulong Soft, ulong Hard, SourceLocation Origin);
