using Hctr.Policy.Diagnostics;
using Xunit;

namespace Hctr.Policy.Tests.Loading;

[Trait("Category", "Unit")]
public class ProfileLoaderExtendsTests
{
    private const string Base = "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: base}\nspec:\n"
        + "  capabilities: {add: [CHOWN, NET_BIND_SERVICE]}\n"
        + "  seccomp:\n    rules:\n      - {syscalls: [read, write, close, ptrace], action: allow}\n"
        + "  network: {modes: [bridge], tcp: {bind: [80, 443]}}\n"
        + "  resources: {memory: 256Mi, pids: 100}\n";

    private static string Child(string spec, string extra = "") =>
        "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: child}\nextends: base.yaml\n" + extra + "spec:\n" + spec;

    private static Hctr.Policy.Loading.ProfileLoadResult Load(string child) => MemorySource.Load(child, ("base.yaml", Base));

    [Fact]
    public void Narrowing_child_inherits_the_rest()
    {
        var r = Load(Child("  capabilities: {add: [NET_BIND_SERVICE]}\n"));
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        var p = r.Profile!;
        Assert.Single(p.Capabilities.Add);
        Assert.Equal(100, p.Resources.PidsMax.Value);
        Assert.Equal(new[] { "test.yaml", "base.yaml" }, p.Sources.ToArray());
        Assert.Equal("base.yaml", p.Resources.PidsMax.Origin.File);
    }

    [Fact]
    public void Child_rules_take_precedence_over_base_rules()
    {
        var r = Load(Child("  seccomp:\n    rules: [{syscalls: [ptrace], action: errno(EPERM)}]\n"));
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        Assert.Equal("ptrace", r.Profile!.Seccomp.Rules[0].Expanded.Single());
        Assert.Equal(2, r.Profile.Seccomp.Rules.Length);
    }

    [Theory]
    [InlineData("  capabilities: {add: [SYS_ADMIN]}\n", "capabilities", 6)]
    [InlineData("  seccomp:\n    rules: [{syscalls: [mount], action: allow}]\n", "seccomp", 7)]
    [InlineData("  seccomp:\n    rules: [{syscalls: [\"@mount\"], action: allow}]\n", "seccomp", 7)]
    [InlineData("  seccomp: {defaultAction: allow}\n", "seccomp", 6)]
    [InlineData("  network: {tcp: {bind: [\"1-1024\"]}}\n", "network", 6)]
    [InlineData("  network: {modes: [host]}\n", "network", 6)]
    [InlineData("  resources: {memory: unlimited}\n", "resources", 6)]
    [InlineData("  resources: {pids: 1000}\n", "resources", 6)]
    [InlineData("  filesystem: {readOnlyRootfs: false}\n", "filesystem", 6)]
    [InlineData("  noNewPrivileges: false\n", "noNewPrivileges", 6)]
    [InlineData("  userNamespace: {mode: hostUnsafe}\n", "userNamespace", 6)]
    public void Widening_without_declaring_it_is_an_error_at_the_child_line(string spec, string section, int line)
    {
        var r = Load(Child(spec));
        Assert.False(r.Succeeded);
        Assert.All(r.Errors, e => Assert.Equal(DiagnosticCodes.ExtendsWidens, e.Code));
        Assert.All(r.Errors, e => Assert.Equal(section, e.FieldPath));
        Assert.Contains(r.Errors, e => e.Location == new SourceLocation("test.yaml", line, e.Location.Column));
    }

    [Fact]
    public void Declared_widening_is_a_warning_that_audits_can_see()
    {
        var r = Load(Child("  capabilities: {add: [SYS_NICE]}\n", "widen: [capabilities]\n"));
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        Assert.Contains(r.Warnings, w => w.Code == DiagnosticCodes.WidenDeclared);
    }

    [Fact]
    public void Missing_base_is_located_at_the_extends_line()
    {
        var r = MemorySource.Load(Child("  noNewPrivileges: true\n"));
        var d = Assert.Single(r.Errors);
        Assert.Equal(DiagnosticCodes.ExtendsNotFound, d.Code);
        Assert.Equal(4, d.Location.Line);
    }

    [Fact]
    public void Cycles_are_errors()
    {
        var a = "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: a}\nextends: b.yaml\n";
        var b = "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: b}\nextends: test.yaml\n";
        var r = MemorySource.Load(a, ("b.yaml", b));
        Assert.Contains(r.Errors, e => e.Code == DiagnosticCodes.ExtendsCycle);
    }

    [Fact]
    public void Errors_in_the_base_are_reported_in_the_base_file()
    {
        var bad = "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: base}\nspec: {bogus: 1}\n";
        var r = MemorySource.Load(Child("  noNewPrivileges: true\n"), ("base.yaml", bad));
        Assert.Contains(r.Errors, e => e.Location.File == "base.yaml" && e.Code == DiagnosticCodes.SchemaUnknownField);
    }

    [Fact]
    public void The_digest_changes_with_any_source_in_the_chain()
    {
        var one = Load(Child("  noNewPrivileges: true\n")).Digest;
        var two = MemorySource.Load(Child("  noNewPrivileges: true\n"), ("base.yaml", Base + "  sysctls: {}\n")).Digest;
        Assert.NotEqual(one, two);
        Assert.StartsWith("sha256:", one);
    }
}
