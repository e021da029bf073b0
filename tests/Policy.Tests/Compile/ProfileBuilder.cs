using System.Collections.Immutable;
using Hctr.Policy.Capabilities;
using Hctr.Policy.Compile;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;
using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Compile;

/// <summary>Strict profiles built in code: no caps, auto user namespace, network none, read-only rootfs, errno default.</summary>
internal static class ProfileBuilder
{
    public const string SourceFile = "test.yaml";

    public static SourceLocation At(int line) => new(SourceFile, line, 1);

    public static Located<T> L<T>(T value, int line = 1) => new(value, At(line));

    public static SecurityProfile Strict(string name = "strict") => new()
    {
        Name = name,
        Origin = At(1),
        Sources = [SourceFile],
        Capabilities = new CapabilityProfile([]),
        NoNewPrivileges = L(true, 2),
        UserNamespace = new UserNamespaceProfile(L(UserNamespaceMode.Auto, 3), 65536, [], [], L(false, 3)),
        Seccomp = new SeccompProfile(
            L(new SeccompAction(SeccompActionKind.Errno, 1), 4),
            L(new SeccompAction(SeccompActionKind.Errno, 38), 4),
            [],
            [new SeccompRuleSpec([L("read", 5), L("write", 5)], ["read", "write"], [], SeccompAction.Allow, At(5), null)]),
        Filesystem = new FilesystemProfile(
            L(true, 6),
            [L("/proc/kcore", 7), L("/proc/keys", 7)],
            [L("/proc/sys", 8)],
            [new TmpfsMount("/tmp", 64 << 20, 0x3FF /* 01777 */, ["nosuid", "nodev"], At(9))],
            [],
            [],
            L(false, 6)),
        Network = new NetworkProfile([L(NetworkMode.None, 10)], [], []),
        Resources = new ResourceProfile(L<ulong?>(256UL << 20, 11), L<long?>(128, 12), new CpuProfile(50_000, 100_000, 100, At(13))),
        Rlimits = [new RlimitEntry("nofile", 1024, 4096, At(14))],
        Sysctls = [],
        Devices = [],
        AppArmorRules = [],
        Widen = [],
    };

    public static SecurityProfile WithCaps(this SecurityProfile p, params Capability[] caps) =>
        p with { Capabilities = new CapabilityProfile([.. caps.Select(c => L(c, 20))]) };

    public static SecurityProfile WithModes(this SecurityProfile p, params NetworkMode[] modes) =>
        p with { Network = p.Network with { Modes = [.. modes.Select(m => L(m, 10))] } };

    public static SecurityProfile WithTcp(this SecurityProfile p, ImmutableArray<PortRange> bind, ImmutableArray<PortRange> connect) =>
        p with { Network = p.Network with { TcpBind = bind, TcpConnect = connect } };

    public static SecurityProfile WithAccess(this SecurityProfile p, params (string Path, Model.FileAccess Access)[] rules) =>
        p with { Filesystem = p.Filesystem with { Access = [.. rules.Select((r, i) => new PathAccessRule(r.Path, r.Access, At(30 + i)))] } };

    public static SecurityProfile WithVolumes(this SecurityProfile p, params VolumeRule[] rules) =>
        p with { Filesystem = p.Filesystem with { Volumes = [.. rules] } };

    public static SecurityProfile WithUserns(this SecurityProfile p, UserNamespaceMode mode, bool hostRootUnsafe = false, ImmutableArray<IdMapping> maps = default) =>
        p with
        {
            UserNamespace = new UserNamespaceProfile(L(mode, 3), 65536, maps.IsDefault ? [] : maps, maps.IsDefault ? [] : maps, L(hostRootUnsafe, 3)),
        };

    public static PortRange Ports(ushort first, ushort last, int line = 40) => new(first, last, At(line));

    public static HostFacts HostWith(int landlockAbi = 6, CgroupLayout cgroups = CgroupLayout.V2, bool apparmor = true) =>
        HostFacts.Reference with { LandlockAbi = landlockAbi, Cgroups = cgroups, AppArmorEnabled = apparmor };

    public static LaunchRequest Request(uint uid = 0) => LaunchRequest.Example with { Uid = uid, Gid = uid };

    /// <summary>A stand-in for the seccomp stage (merged from the seccomp branch): a fixed, content-free plan.</summary>
    public static SeccompPlan FakeSeccomp(SeccompProfile s, HostFacts host, DiagnosticBag d) =>
        new("AAAAAAAAAAA=", 1, 0, NeedsListener: false, s.DefaultAction.Origin);

    public static PlanCompileResult Run(SecurityProfile p, LaunchRequest? r = null, HostFacts? h = null) =>
        PlanCompiler.Compile(p, r ?? Request(), h ?? HostWith(), FakeSeccomp);

    public static LaunchPlan CompileOk(SecurityProfile p, LaunchRequest? r = null, HostFacts? h = null)
    {
        var result = Run(p, r, h);
        Assert.True(result.Plan is not null, string.Join("\n", result.Diagnostics.Select(d => d.Render())));
        return result.Plan!;
    }

    public static IEnumerable<string> Codes(this PlanCompileResult r, Severity severity) =>
        r.Diagnostics.Where(d => d.Severity == severity).Select(d => d.Code);
}
