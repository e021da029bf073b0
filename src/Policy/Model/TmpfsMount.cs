using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Model;

/// <summary>Options are mount flags by name: nosuid, nodev, noexec, ro.</summary>
public sealed record TmpfsMount(string Path, ulong? SizeBytes, uint Mode, ImmutableArray<string> Options, SourceLocation Origin);
