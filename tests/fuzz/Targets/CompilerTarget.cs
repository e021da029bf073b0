using System.Text;
using Hctr.Fuzz.Engine;
using Hctr.Fuzz.Mutation;
using Hctr.Policy;
using Hctr.Policy.Compile;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Oci;
using Hctr.Policy.Plan;
using Hctr.Policy.Seccomp;

namespace Hctr.Fuzz.Targets;

/// <summary>
/// Schema-valid profiles made by structure-aware mutation, through PlanCompiler and every
/// <c>--emit</c> kind, for the reference host and an old one (no Landlock, no AppArmor, cgroup v1,
/// aarch64). Only diagnostics; and the outputs must hold up: a plan is withheld exactly when there is
/// an error, the plan JSON round-trips, compiling twice gives the same plan and filter bytes, and the filter runs in
/// the interpreter for every probe without being an invalid program.
/// </summary>
internal sealed class CompilerTarget : FuzzTarget
{
    private static readonly HostFacts OldHost = HostFacts.Reference with
    {
        Arch = SeccompArch.Aarch64,
        Kernel = new Version(5, 4),
        LandlockAbi = 0,
        AppArmorEnabled = false,
        Cgroups = CgroupLayout.V1,
        SeccompSpecAllow = false,
    };

    private static readonly uint[] Audits = [0xC000003E, 0x40000003, 0xC00000B7, 0x40000028, 0x12345678];

    private static readonly int[] Probes = [0, 1, 2, 41, 56, 59, 101, 165, 272, 435, 1000, 0x40000000, 0x40000001, -1, int.MaxValue];

    public override string Name => "compiler";

    public override string Description => "mutated schema-valid profiles -> PlanCompiler + ProfileCompiler.Emit for every kind (only diagnostics)";

    public override string Execute(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var loaded = ProfileLoader.LoadText(ProfileParserTarget.FileName, text, new FuzzProfileSource(ProfileParserTarget.FileName, text));
        if (loaded.Profile is not { } profile)
        {
            // One signature for every refused input: the pool should grow with profiles that reach the compiler.
            return "load-error";
        }

        var codes = new SortedSet<string>(StringComparer.Ordinal);
        var shape = "";
        foreach (var host in new[] { HostFacts.Reference, OldHost })
        {
            var compiled = PlanCompiler.Compile(profile, LaunchRequest.Example, host);
            Require((compiled.Plan is null) == compiled.Diagnostics.Any(d => d.IsError), "PlanCompiler: plan withheld without an error, or given with one");
            codes.UnionWith(compiled.Diagnostics.Select(d => d.Code));
            if (compiled.Plan is { } plan)
            {
                var bytes = PlanJson.Serialize(plan);
                shape += $"p{Log2(bytes.Length)}";
                Require(PlanJson.Serialize(PlanJson.Deserialize(bytes)).AsSpan().SequenceEqual(bytes), "plan JSON does not round-trip");
            }

            // Every kind for the reference host; for the old host the kinds whose output depends on host facts.
            var reference = ReferenceEquals(host, HostFacts.Reference);
            foreach (var kind in reference ? ProfileCompiler.EmitKinds : ["seccomp-bpf", "oci"])
            {
                var bytes = EmitAndCheck(kind, loaded, host, codes, twice: reference && kind is "seccomp-bpf" or "plan");
                if (kind is "seccomp-bpf" or "apparmor" or "landlock")
                {
                    shape += $"{kind[0]}{Log2(bytes?.Length ?? 0)}";
                }
            }

            if (reference)
            {
                EmitAndCheck("oci", loaded, host, codes, twice: false, OciEmitOptions.OmitLandlockUnsafe);
            }
        }

        // Diagnostic codes plus the rough size of each artifact: enough variety that the pool keeps
        // accumulating valid mutants (refused inputs all share one signature).
        return "ok:" + string.Join(",", codes) + "|" + shape;
    }

    public override bool IsDeclared(Exception e) => false;

    public override byte[] Mutate(byte[] input, Random random, IReadOnlyList<byte[]> pool) =>
        ProfileMutator.Mutate(input, random, pool)
        ?? ProfileMutator.Mutate(pool[random.Next(pool.Count)], random, pool)
        ?? input;

    public override IEnumerable<(string Name, byte[] Bytes)> RepositorySeeds(string repoRoot) => ShippedProfiles.Seeds(repoRoot);

    private static int Log2(int n) => n <= 0 ? -1 : 31 - int.LeadingZeroCount(n);

    private static byte[]? EmitAndCheck(string kind, ProfileLoadResult loaded, HostFacts host, SortedSet<string> codes, bool twice,
        OciEmitOptions options = OciEmitOptions.None)
    {
        var first = ProfileCompiler.Emit(kind, loaded, host, options);
        codes.UnionWith(first.Diagnostics.Select(d => d.Code));
        Require((first.Bytes is null) == first.Diagnostics.Any(d => d.IsError), $"emit {kind}: bytes withheld without an error, or given with one");
        if (kind == "seccomp-bpf" && first.Bytes is { } filter)
        {
            CheckFilter(filter);
        }

        if (!twice)
        {
            return first.Bytes;
        }

        var second = ProfileCompiler.Emit(kind, loaded, host, options);
        Require(first.Bytes is null ? second.Bytes is null : second.Bytes is not null && first.Bytes.AsSpan().SequenceEqual(second.Bytes),
            $"emit {kind}: two compiles gave different bytes");
        return first.Bytes;
    }

    private static void CheckFilter(byte[] bytes)
    {
        Require(bytes.Length % 8 == 0 && bytes.Length > 0 && bytes.Length <= 4096 * 8, $"filter of {bytes.Length} bytes");
        var program = BpfInput.Program(bytes);
        foreach (var audit in Audits)
        {
            foreach (var nr in Probes)
            {
                BpfInterpreter.Run(program, new SeccompData(nr, audit, Arg0: ulong.MaxValue, Arg1: 0x1_0000_0000), out _);
                BpfInterpreter.Run(program, new SeccompData(nr, audit), out _);
            }
        }
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new FuzzPropertyException(what);
        }
    }
}
