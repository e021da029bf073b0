using Hctr.Policy.Diagnostics;
using Hctr.Policy.Tests.Loading;
using Xunit;

namespace Hctr.Policy.Tests.Validation;

[Trait("Category", "Unit")]
public class SemanticChecksTests
{
    private static Diagnostic[] Diags(string spec) => [.. MemorySource.Load(MemorySource.Header + "spec:\n" + spec).Diagnostics];

    private static Diagnostic One(string spec, string code)
    {
        var ds = Diags(spec);
        return Assert.Single(ds, d => d.Code == code);
    }

    [Fact]
    public void Unknown_capability_suggests_the_closest_name()
    {
        var d = One("  capabilities: {add: [NET_BIND_SERVISE]}\n", DiagnosticCodes.UnknownCapability);
        Assert.Equal(new SourceLocation("test.yaml", 5, 24), d.Location);
        Assert.Contains("CAP_NET_BIND_SERVICE", d.Hint);
    }

    [Fact]
    public void Capability_all_is_refused()
    {
        One("  capabilities: {add: [ALL]}\n", DiagnosticCodes.UnknownCapability);
    }

    [Fact]
    public void Unknown_syscall_suggests_the_closest_name()
    {
        var d = One("  seccomp:\n    rules:\n      - syscalls: [read, opnat]\n        action: allow\n", DiagnosticCodes.UnknownSyscall);
        Assert.Equal(7, d.Location.Line);
        Assert.Contains("openat", d.Hint);
    }

    [Fact]
    public void Unknown_group_suggests_a_builtin()
    {
        var d = One("  seccomp:\n    rules: [{syscalls: [\"@netwrk\"], action: allow}]\n", DiagnosticCodes.UnknownGroup);
        Assert.Contains("@network", d.Hint);
    }

    [Fact]
    public void Group_cycles_are_errors()
    {
        var ds = Diags("  seccomp:\n    groups:\n      a: [read, \"@b\"]\n      b: [write, \"@a\"]\n    rules: [{syscalls: [\"@a\"], action: allow}]\n");
        Assert.Contains(ds, d => d.Code == DiagnosticCodes.GroupCycle);
    }

    [Fact]
    public void Profile_groups_expand_into_rules()
    {
        var r = MemorySource.Load(MemorySource.Header + "spec:\n  seccomp:\n    groups:\n      io: [read, write]\n      more: [\"@io\", close]\n    rules: [{syscalls: [\"@more\"], action: allow}]\n");
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        Assert.Equal(new[] { "close", "read", "write" }, r.Profile!.Seccomp.Rules[0].Expanded.ToArray());
    }

    [Fact]
    public void Directly_contradictory_rules_are_errors_and_duplicates_warnings()
    {
        var ds = Diags("  seccomp:\n    rules:\n      - {syscalls: [read], action: allow}\n      - {syscalls: [read], action: errno(EPERM)}\n      - {syscalls: [write], action: allow}\n      - {syscalls: [write], action: allow}\n");
        Assert.Contains(ds, d => d.Code == DiagnosticCodes.ContradictoryRules && d.Location.Line == 8);
        Assert.Contains(ds, d => d.Code == DiagnosticCodes.DuplicateRule && !d.IsError && d.Location.Line == 10);
    }

    [Fact]
    public void Overlapping_id_maps_are_errors()
    {
        var ds = Diags("  userNamespace:\n    mode: map\n    uidMappings: [{containerID: 0, hostID: 100000, size: 1000}, {containerID: 500, hostID: 300000, size: 10}]\n    gidMappings: [{containerID: 0, hostID: 100000, size: 1000}]\n");
        Assert.Contains(ds, d => d.Code == DiagnosticCodes.OverlappingIdMap);
    }

    [Fact]
    public void Container_root_as_host_root_needs_the_unsafe_switch()
    {
        var maps = "    uidMappings: [{containerID: 0, hostID: 0, size: 1}]\n    gidMappings: [{containerID: 0, hostID: 0, size: 1}]\n";
        Assert.Equal(2, Diags("  userNamespace:\n    mode: map\n" + maps).Count(d => d.Code == DiagnosticCodes.HostRootUnsafe));
        Assert.DoesNotContain(Diags("  userNamespace:\n    mode: map\n    allowHostRootUnsafe: true\n" + maps), d => d.Code == DiagnosticCodes.HostRootUnsafe);
    }

    [Fact]
    public void Sys_admin_without_a_user_namespace_is_an_error()
    {
        var ds = Diags("  capabilities: {add: [SYS_ADMIN]}\n  userNamespace: {mode: hostUnsafe}\n");
        Assert.Contains(ds, d => d.Code == DiagnosticCodes.PrivilegedWithoutUserns && d.IsError);
        Assert.Contains(ds, d => d.Code == DiagnosticCodes.UnsafeSwitch && !d.IsError);
    }

    [Theory]
    [InlineData("  sysctls: {kernel.panic: 1}\n", DiagnosticCodes.SysctlNotNamespaced)]
    [InlineData("  network: {modes: [host]}\n  sysctls: {net.ipv4.ip_forward: 1}\n", DiagnosticCodes.SysctlNotNamespaced)]
    [InlineData("  apparmor: {rules: [\"} profile evil {\"]}\n", DiagnosticCodes.BadAppArmorRule)]
    [InlineData("  apparmor: {rules: [\"capability sys_admin\"]}\n", DiagnosticCodes.BadAppArmorRule)]
    [InlineData("  seccomp:\n    rules: [{syscalls: [clone], action: allow, args: [{index: 0, op: masked-eq, value: 0}]}]\n", DiagnosticCodes.BadArgCondition)]
    [InlineData("  seccomp:\n    rules: [{syscalls: [clone], action: allow, args: [{index: 0, op: eq, value: 0, mask: 1}]}]\n", DiagnosticCodes.BadArgCondition)]
    [InlineData("  network: {tcp: {bind: [\"90-80\"]}}\n", DiagnosticCodes.BadPort)]
    [InlineData("  rlimits: {nofile: {soft: 10, hard: 5}}\n", DiagnosticCodes.BadRlimit)]
    [InlineData("  filesystem: {maskedPaths: [/proc/../etc]}\n", DiagnosticCodes.BadPath)]
    [InlineData("  filesystem: {tmpfs: [{path: /tmp}, {path: /tmp}]}\n", DiagnosticCodes.ConflictingPath)]
    [InlineData("  resources: {memory: 1Ki}\n", DiagnosticCodes.BadQuantity)]
    [InlineData("  seccomp: {defaultAction: errno(EWHAT)}\n", DiagnosticCodes.BadAction)]
    [InlineData("  userNamespace: {mode: map}\n", DiagnosticCodes.BadIdMap)]
    public void Semantic_errors_have_their_code(string spec, string code)
    {
        var ds = Diags(spec);
        Assert.Contains(ds, d => d.Code == code && d.IsError);
    }
}
