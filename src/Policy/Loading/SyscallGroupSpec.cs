using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;

namespace Hctr.Policy.Loading;

/// <summary>A profile-defined syscall group: names and @groups, located.</summary>
internal sealed record SyscallGroupSpec(string Name, ImmutableArray<Located<string>> Members, SourceLocation Origin);
