using System.Text.Json;
using Hctr.Policy.Explain;
using Hctr.Policy.Loading;
using Hctr.Policy.Model;
using Hctr.Policy.Tests.Loading;
using Xunit;

namespace Hctr.Policy.Tests.Explain;

[Trait("Category", "Unit")]
public class ProfileExplainerTests
{
    private static string ShippedPath(string name) => Path.Combine(RepoPaths.Profiles, name);

    private static SecurityProfile Shipped(string name)
    {
        var r = ProfileLoader.Load(ShippedPath(name), new DirectorySource());
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        return r.Profile!;
    }

    /// <summary>"[path:N]" for the first line of the shipped file that contains <paramref name="text"/>.</summary>
    private static string At(string name, string text)
    {
        var lines = File.ReadAllLines(ShippedPath(name));
        var n = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(n >= 0, $"'{text}' not in {name}");
        return $"[{ShippedPath(name)}:{n + 1}]";
    }

    private static string[] Lines(string text) => text.Split('\n');

    private static void HasLine(string text, string expected) =>
        Assert.True(Lines(text).Contains(expected), $"missing line:\n{expected}\n--- in ---\n{text}");

    private static string RisksOf(string text) => text[text.IndexOf("\nRisks", StringComparison.Ordinal)..];

    [Fact]
    public void Web_strict_key_lines_and_no_risks()
    {
        const string f = "web-strict.yaml";
        var text = ProfileExplainer.Text(Shipped(f));
        HasLine(text, "Profile: web-strict");
        HasLine(text, $"  - NET_BIND_SERVICE: bind ports below 1024  {At(f, "add: [NET_BIND_SERVICE]")}");
        HasLine(text, "  - all other capabilities are dropped (40 of them)");
        HasLine(text, $"  - user namespace: automatic, a private range of 65536 host ids; container root is an unprivileged host user  {At(f, "mode: auto")}");
        HasLine(text, $"  - default action: deny with EPERM for known syscalls no rule allows  {At(f, "defaultAction:")}");
        HasLine(text, $"  - unknown action: deny with ENOSYS for syscall numbers hctr's table does not know  {At(f, "unknownAction:")}");
        HasLine(text, "  - architectures: the host's native ABI only; every other ABI is killed  [hctr default]");
        Assert.Contains(Lines(text), l => l.StartsWith("  - rule 1: denies with EPERM ", StringComparison.Ordinal) && l.Contains("@debug", StringComparison.Ordinal));
        HasLine(text, $"  - rule 7: allows clone when arg0 & 0x7e020000 == 0 (no namespace flags) — threads and processes, never new namespaces  {At(f, "- syscalls: [clone]")}");
        HasLine(text, $"  - root filesystem: read-only  {At(f, "readOnlyRootfs: true")}");
        HasLine(text, $"  - TCP bind: may listen on port 443  {At(f, "bind: [80, 443]")}");
        HasLine(text, "  - TCP connect: none (denied by Landlock)");
        HasLine(text, $"  - memory: 512Mi  {At(f, "memory: 512Mi")}");
        HasLine(text, $"  - pids: at most 64 processes and threads  {At(f, "pids: 64")}");

        // ptrace is in @default, but rule 1 denies it first: not reported as allowed.
        Assert.DoesNotContain("ptrace", text, StringComparison.Ordinal);
        Assert.EndsWith("\nRisks\n  none found\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_risks_are_listed_with_their_lines()
    {
        const string f = "default.yaml";
        var text = ProfileExplainer.Text(Shipped(f));
        var risks = RisksOf(text);
        var allowlist = At(f, "- syscalls: [\"@default\"]");
        HasLine(risks, $"  - medium: seccomp allows ptrace: traces and controls other processes  {allowlist}");
        HasLine(risks, $"  - medium: seccomp allows process_vm_writev: writes other processes' memory  {allowlist}");
        HasLine(risks, $"  - medium: capability NET_RAW: open raw and packet sockets (craft packets, spoof on the bridge)  {At(f, "add: [CHOWN")}");
        HasLine(risks, $"  - medium: the root filesystem is writable: the workload can change its own binaries  {At(f, "readOnlyRootfs: false")}");
        HasLine(risks, "  - medium: no memory limit: the workload can exhaust host memory  [hctr default]");
        HasLine(risks, $"  - low: TCP connect is allowed on every port  {At(f, "connect: [\"0-65535\"]")}");
        Assert.Contains(Lines(risks), l => l.StartsWith("  - low: the 32-bit x86 ABI is allowed", StringComparison.Ordinal) && l.EndsWith(At(f, "architectures:"), StringComparison.Ordinal));

        // clone without namespace flags and clone3 → ENOSYS are not risks.
        Assert.DoesNotContain("allows clone", risks, StringComparison.Ordinal);
        Assert.DoesNotContain("clone3", risks, StringComparison.Ordinal);
        HasLine(text, $"  - rule 12: denies with ENOSYS clone3 — clone3 flags live in memory a filter cannot read; ENOSYS makes libc fall back to clone  {At(f, "- syscalls: [clone3]")}");
        Assert.Matches(@"\nRisks \(\d+\)\n  - medium", text);
    }

    [Fact]
    public void Origins_follow_extends_to_the_file_that_set_each_value()
    {
        const string baseYaml = MemorySource.Header + """
            spec:
              capabilities: {add: [NET_BIND_SERVICE]}
              resources: {memory: 256Mi, pids: 32}
            """;
        const string child = """
            apiVersion: hctr.dev/v1
            kind: SecurityProfile
            metadata: {name: child}
            extends: base.yaml
            widen: [capabilities]
            spec:
              capabilities:
                add: [NET_BIND_SERVICE, SYS_PTRACE]
            """;
        var loaded = MemorySource.Load(child, ("base.yaml", baseYaml));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var text = ProfileExplainer.Text(loaded.Profile!);
        HasLine(text, "  - memory: 256Mi  [base.yaml:6]");
        HasLine(RisksOf(text), "  - high: capability SYS_PTRACE: trace and inspect any process it can see (ptrace, process_vm_*)  [test.yaml:8]");
        HasLine(RisksOf(text), "  - medium: declares widen: capabilities (may grant more than its base)  [test.yaml:5]");
    }

    [Fact]
    public void An_open_profile_lists_every_risk()
    {
        var loaded = MemorySource.Load(MemorySource.Header + """
            spec:
              noNewPrivileges: false
              userNamespace: {mode: hostUnsafe, allowHostRootUnsafe: true}
              capabilities: {add: [SYS_TIME]}
              seccomp:
                defaultAction: allow
                rules:
                  - {syscalls: [clone], action: allow}
              filesystem: {readOnlyRootfs: false, allowSetuid: true}
              network: {modes: [host]}
              resources: {memory: unlimited, pids: unlimited}
            """);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var risks = RisksOf(ProfileExplainer.Text(loaded.Profile!));
        foreach (var expected in new[]
        {
            "  - high: no user namespace (hostUnsafe): container root is host root  [test.yaml:6]",
            "  - high: capability SYS_TIME: set the system clock (not namespaced: changes the host's time)  [test.yaml:7]",
            "  - high: seccomp default action allows every syscall no rule denies  [test.yaml:9]",
            "  - high: seccomp allows clone: can create namespaces when namespace flags are allowed  [test.yaml:11]",
            "  - high: seccomp allows io_uring_setup through the default action: io_uring: a large kernel attack surface whose operations seccomp does not see  [test.yaml:9]",
            "  - high: seccomp allows kexec_load through the default action: loads a new kernel  [test.yaml:9]",
            "  - high: setuid binaries are honoured inside the container  [test.yaml:12]",
            "  - high: network mode host: the container shares the host's network stack  [test.yaml:13]",
            "  - medium: noNewPrivileges is off: setuid binaries can gain privileges  [test.yaml:5]",
            "  - medium: no pids limit: a fork bomb can exhaust the host  [test.yaml:14]",
        })
        {
            HasLine(risks, expected);
        }
    }

    [Fact]
    public void Json_has_the_same_content_and_is_deterministic()
    {
        var p = Shipped("default.yaml");
        var json = ProfileExplainer.Json(p);
        Assert.Equal(json, ProfileExplainer.Json(Shipped("default.yaml")));
        Assert.Equal(ProfileExplainer.Text(p), ProfileExplainer.Text(Shipped("default.yaml")));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("default", root.GetProperty("name").GetString());
        Assert.Equal(["Identity and user namespace", "Capabilities", "Seccomp", "Filesystem", "Network", "Resources"],
            root.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("title").GetString()));
        var ptrace = root.GetProperty("risks").EnumerateArray().Single(r => r.GetProperty("text").GetString()!.Contains("allows ptrace", StringComparison.Ordinal));
        Assert.Equal("medium", ptrace.GetProperty("level").GetString());
        Assert.Equal(ShippedPath("default.yaml"), ptrace.GetProperty("origin").GetProperty("file").GetString());
        var memory = root.GetProperty("risks").EnumerateArray().Single(r => r.GetProperty("text").GetString()!.StartsWith("no memory limit", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, memory.GetProperty("origin").ValueKind);
        Assert.True(memory.GetProperty("default").GetBoolean());
    }
}
