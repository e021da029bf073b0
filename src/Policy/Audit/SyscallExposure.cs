using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Loading;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Audit;

/// <summary>
/// Questions answered on the compiled per-architecture rule tables (the same tables the BPF compiler reads):
/// can a syscall be allowed, and can clone/unshare be allowed with namespace flags.
/// </summary>
internal static class SyscallExposure
{
    /// <summary>CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET (what clone(2) accepts).</summary>
    public static readonly ImmutableArray<ulong> CloneNamespaceBits = [0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000];

    /// <summary>unshare(2) also takes CLONE_NEWTIME (0x80, which clone(2) reads as part of the exit signal).</summary>
    public static readonly ImmutableArray<ulong> UnshareNamespaceBits = [.. CloneNamespaceBits, 0x00000080];

    public static ulong Mask(ImmutableArray<ulong> bits) => bits.Aggregate(0UL, (m, b) => m | b);

    public static ImmutableArray<SyscallRule> Chain(ArchRuleTable t, int nr) =>
        t.Rules.TryGetValue(nr, out var chain) ? chain : [];

    /// <summary>
    /// Where the syscall can end up allowed (allow or log), with the rule (or default action) responsible;
    /// null when no argument values allow it. Fails closed when the sample space is too large.
    /// </summary>
    public static SourceLocation? AllowedAt(ArchRuleTable t, int nr, SourceLocation defaultOrigin, Func<ulong[], bool>? argFilter = null,
        int extraIndex = -1, IReadOnlyList<ulong>? extraBits = null)
    {
        var chain = Chain(t, nr);
        if (!ArgSamples.TryBuild(chain, t.Arch, out var samples, extraIndex, extraBits))
        {
            var r = chain.FirstOrDefault(x => IsAllow(x.Action));
            return r?.Origin ?? (IsAllow(t.DefaultAction) ? defaultOrigin : null);
        }

        foreach (var args in samples)
        {
            if (argFilter is not null && !argFilter(args))
            {
                continue;
            }

            if (IsAllow(ArgSamples.Decide(chain, t.DefaultAction, args)))
            {
                var rule = chain.FirstOrDefault(r => r.IsUnconditional || r.Conditions.All(c => c.Holds(args[c.Index])));
                return rule?.Origin ?? defaultOrigin;
            }
        }

        return null;
    }

    public static bool IsAllow(SeccompAction a) => SeccompWidening.Rank(a) == 3;
}
