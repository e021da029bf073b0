using CsCheck;
using Hctr.Policy.Audit;
using Hctr.Policy.Compile;
using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;
using Hctr.Policy.Tests.Loading;
using Xunit;

namespace Hctr.Policy.Tests.Audit;

/// <summary>
/// Subset and diff properties over generated profiles. The generator varies only settings that reach the compiled
/// plan under <see cref="LaunchRequest.Example"/> (capabilities, no_new_privs, seccomp, rootfs, tmpfs, limits), so
/// "diff empty" and "plans equal" can be compared.
/// </summary>
[Trait("Category", "Unit")]
public sealed class SubsetPropertyTests
{
    private static readonly string[] Caps = ["CHOWN", "NET_RAW", "SYS_PTRACE", "KILL"];

    private sealed record Knobs(int CapBits, bool Nnp, bool Rofs, int Pids, int MemMi, bool PtraceAllowed, bool SocketAny, bool TmpExec, bool DefaultLog)
    {
        public static Knobs From(int bits, int pids, int mem) => new(bits & 15, (bits & 16) == 0, (bits & 32) == 0, pids, mem,
            (bits & 64) != 0, (bits & 128) != 0, (bits & 256) != 0, (bits & 512) != 0);

        /// <summary>Every knob moved in the permissive direction (or left alone).</summary>
        public Knobs Widen(int bits, int morePids, int moreMem) => new(CapBits | (bits & 15), Nnp && (bits & 16) == 0, Rofs && (bits & 32) == 0,
            Pids + morePids, MemMi + moreMem, PtraceAllowed || (bits & 64) != 0, SocketAny || (bits & 128) != 0, TmpExec || (bits & 256) != 0,
            DefaultLog || (bits & 512) != 0);

        public string Yaml()
        {
            var caps = string.Join(", ", Caps.Where((_, i) => (CapBits & (1 << i)) != 0));
            var socketArgs = SocketAny ? "" : "\n        args: [{index: 0, op: eq, value: 1}]";
            return MemorySource.Header + $$"""
                spec:
                  capabilities: {add: [{{caps}}]}
                  noNewPrivileges: {{(Nnp ? "true" : "false")}}
                  seccomp:
                    defaultAction: {{(DefaultLog ? "log" : "errno(EPERM)")}}
                    rules:
                      - syscalls: [ptrace]
                        action: {{(PtraceAllowed ? "allow" : "errno(EPERM)")}}
                      - syscalls: ["@default"]
                        action: allow
                      - syscalls: [socket]
                        action: allow{{socketArgs}}
                  filesystem:
                    readOnlyRootfs: {{(Rofs ? "true" : "false")}}
                    tmpfs:
                      - {path: /tmp, size: 64Mi, mode: "1777", options: [{{(TmpExec ? "nosuid" : "nosuid, noexec")}}]}
                  resources: {memory: {{MemMi}}Mi, pids: {{Pids}}}
                """;
        }

        public SecurityProfile Profile() => ProfileDiffTests.Load(Yaml());
    }

    private static readonly Gen<Knobs> GenKnobs = Gen.Select(Gen.Int[0, 1023], Gen.Int[1, 3], Gen.Int[1, 3],
        (b, p, m) => Knobs.From(b, p * 64, m * 128));

    [Fact]
    public void A_profile_is_a_subset_of_itself() =>
        GenKnobs.Sample(k =>
        {
            var p = k.Profile();
            Assert.True(PolicyChecker.IsSubset(p, p, HostFacts.Reference));
        }, iter: 40);

    [Fact]
    public void A_profile_is_a_subset_of_any_widening_of_it() =>
        Gen.Select(GenKnobs, Gen.Int[0, 1023], Gen.Int[0, 2], Gen.Int[0, 2], (k, b, p, m) => (k, w: k.Widen(b, p * 64, m * 128))).Sample(t =>
        {
            var narrow = t.k.Profile();
            var wide = t.w.Profile();
            Assert.True(PolicyChecker.IsSubset(narrow, wide, HostFacts.Reference), string.Join("\n", ProfileDiff.Compare(wide, narrow, HostFacts.Reference).Select(e => e.Render())));
            if (t.k != t.w)
            {
                Assert.NotEmpty(ProfileDiff.Compare(narrow, wide, HostFacts.Reference));
            }
        }, iter: 40);

    [Fact]
    public void The_diff_is_empty_exactly_when_the_compiled_plans_are_equal() =>
        Gen.Select(GenKnobs, GenKnobs, Gen.Bool, (a, b, same) => (a, b: same ? a with { } : b)).Sample(t =>
        {
            var (pa, pb) = (t.a.Profile(), t.b.Profile());
            var diff = ProfileDiff.Compare(pa, pb, HostFacts.Reference);
            var planA = PlanCompiler.Compile(pa, LaunchRequest.Example, HostFacts.Reference).Plan!;
            var planB = PlanCompiler.Compile(pb, LaunchRequest.Example, HostFacts.Reference).Plan!;
            var bytesEqual = PlanJson.Serialize(planA with { ProfileDigest = "" }).AsSpan().SequenceEqual(PlanJson.Serialize(planB with { ProfileDigest = "" }));
            Assert.Equal(PlanSectionDiff.Equal(planA, planB), diff.IsEmpty);
            if (bytesEqual)
            {
                Assert.Empty(diff);
            }
        }, iter: 60);
}
