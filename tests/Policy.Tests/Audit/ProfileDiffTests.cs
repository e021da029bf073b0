using Hctr.Policy.Audit;
using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Hctr.Policy.Tests.Loading;
using Xunit;

namespace Hctr.Policy.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class ProfileDiffTests
{
    internal const string Base = MemorySource.Header + """
        spec:
          capabilities: {add: [NET_BIND_SERVICE]}
          noNewPrivileges: true
          userNamespace: {mode: auto}
          seccomp:
            defaultAction: errno(EPERM)
            rules:
              - syscalls: ["@debug", "@mount"]
                action: errno(EPERM)
              - syscalls: ["@default"]
                action: allow
              - syscalls: [socket]
                action: allow
                args: [{index: 0, op: eq, value: 1}]
          filesystem:
            readOnlyRootfs: true
            tmpfs:
              - {path: /tmp, size: 64Mi, mode: "1777", options: [nosuid, nodev, noexec]}
          network:
            modes: [none]
          resources: {memory: 256Mi, pids: 64}
        """;

    internal static SecurityProfile Load(string text, params (string, string)[] others)
    {
        var r = MemorySource.Load(text, others);
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        return r.Profile!;
    }

    private static List<DiffEntry> Diff(string oldText, string newText) =>
        [.. ProfileDiff.Compare(Load(oldText), Load(newText), HostFacts.Reference)];

    [Fact]
    public void Identical_profiles_have_no_difference() => Assert.Empty(Diff(Base, Base));

    [Theory]
    [InlineData("add: [NET_BIND_SERVICE]", "add: [NET_BIND_SERVICE, SYS_PTRACE]", "capabilities", "SYS_PTRACE")]
    [InlineData("noNewPrivileges: true", "noNewPrivileges: false", "noNewPrivileges", "off")]
    [InlineData("userNamespace: {mode: auto}", "userNamespace: {mode: hostUnsafe}", "userNamespace", "HostUnsafe")]
    [InlineData("defaultAction: errno(EPERM)", "defaultAction: log", "seccomp", "->")]
    [InlineData("- syscalls: [\"@debug\", \"@mount\"]", "- syscalls: [\"@mount\"]", "seccomp", "ptrace")]
    [InlineData("args: [{index: 0, op: eq, value: 1}]", "args: [{index: 0, op: lt, value: 3}]", "seccomp", "socket")]
    [InlineData("readOnlyRootfs: true", "readOnlyRootfs: false", "filesystem", "writable")]
    [InlineData("options: [nosuid, nodev, noexec]", "options: [nosuid, nodev]", "filesystem", "executable")]
    [InlineData("modes: [none]", "modes: [none, host]", "network", "host")]
    [InlineData("pids: 64", "pids: 4096", "resources", "pids")]
    [InlineData("memory: 256Mi", "memory: 1Gi", "resources", "memory")]
    public void Each_kind_of_widening_is_found(string from, string to, string section, string mentions)
    {
        var changed = Base.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Base, changed);
        var d = Diff(Base, changed);
        Assert.Contains(d, e => e.Kind == ChangeKind.Widen && e.Section == section && e.Message.Contains(mentions, StringComparison.Ordinal));
        Assert.Equal(ChangeKind.Widen, d[0].Kind);

        // And the reverse direction narrows.
        var back = Diff(changed, Base);
        Assert.DoesNotContain(back, e => e.Kind == ChangeKind.Widen && e.Section == section);
    }

    [Fact]
    public void Profiles_that_differ_only_in_name_have_no_difference() =>
        Assert.Empty(Diff(Base, Base.Replace("metadata: {name: t}", "metadata: {name: other}", StringComparison.Ordinal)));

    [Fact]
    public void A_device_is_a_widening()
    {
        var d = Diff(Base, Base + "\n  devices:\n    - {path: /dev/fuse, type: c, major: 10, minor: 229, access: rwm}\n");
        Assert.Contains(d, e => e.Kind == ChangeKind.Widen && e.Section == "devices");
    }

    [Fact]
    public void An_id_map_reaching_host_root_is_a_widening()
    {
        var mapped = Base.Replace("userNamespace: {mode: auto}",
            "userNamespace: {mode: map, allowHostRootUnsafe: true, uidMappings: [{containerID: 0, hostID: 0, size: 1}], gidMappings: [{containerID: 0, hostID: 0, size: 1}]}",
            StringComparison.Ordinal);
        var d = Diff(Base, mapped);
        Assert.Contains(d, e => e.Kind == ChangeKind.Widen && e.Section == "idMaps");
    }

    [Fact]
    public void Widening_through_extends_is_located_in_the_file_that_introduced_it()
    {
        var child = MemorySource.Header + "extends: base.yaml\nwiden: [capabilities]\nspec:\n  capabilities: {add: [NET_BIND_SERVICE, SYS_ADMIN]}\n";
        var old = Load(Base);
        var @new = Load(child, ("base.yaml", Base));
        var d = ProfileDiff.Compare(old, @new, HostFacts.Reference);
        var cap = Assert.Single(d, e => e.Kind == ChangeKind.Widen);
        Assert.Equal("test.yaml", cap.Location.File);
        Assert.Contains("SYS_ADMIN", cap.Message);
    }

    [Fact]
    public void A_rule_reordering_that_changes_nothing_is_not_a_seccomp_widening()
    {
        var swapped = Base.Replace("- syscalls: [\"@debug\", \"@mount\"]", "- syscalls: [\"@mount\", \"@debug\"]", StringComparison.Ordinal);
        Assert.DoesNotContain(Diff(Base, swapped), e => e.Kind == ChangeKind.Widen);
    }

    [Fact]
    public void Clone_under_a_namespace_mask_is_narrower_than_plain_clone()
    {
        var plain = Base.Replace("- syscalls: [socket]", "- syscalls: [clone]\n        action: allow\n      - syscalls: [socket]", StringComparison.Ordinal);
        var masked = Base.Replace("- syscalls: [socket]",
            "- syscalls: [clone]\n        action: allow\n        args: [{index: 0, op: masked-eq, mask: 0x7E020000, value: 0}]\n      - syscalls: [socket]",
            StringComparison.Ordinal);
        Assert.Contains(Diff(masked, plain), e => e.Kind == ChangeKind.Widen && e.Message.Contains("clone", StringComparison.Ordinal));
        Assert.DoesNotContain(Diff(plain, masked), e => e.Kind == ChangeKind.Widen);
    }
}
