using Hctr.Policy.Diagnostics;
using Hctr.Policy.Import;
using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Import;

[Trait("Category", "Unit")]
public class DockerSeccompImporterTests
{
    private static ImportResult Import(string json, ImportOptions? options = null) =>
        DockerSeccompImporter.Import(json, "in.json", options ?? ImportOptions.Default);

    private static SecurityProfile Load(ImportResult r)
    {
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        var loaded = ImportEquivalenceTests.LoadYaml("out.yaml", r.Yaml!);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Assert.DoesNotContain(loaded.Diagnostics, d => d.IsError);
        return loaded.Profile!;
    }

    private static string Doc(string syscalls, string extra = "") =>
        $$"""{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 1, {{extra}} "syscalls": [{{syscalls}}]}""";

    private static string DockerDefault => File.ReadAllText(ImportEquivalenceTests.TestData("docker-default-seccomp.json"));

    private static SeccompRuleSpec RuleFor(SecurityProfile p, string syscall) => p.Seccomp.Rules.First(r => r.Expanded.Contains(syscall));

    [Fact]
    public void Malformed_json_is_located_and_nothing_is_produced()
    {
        var r = Import("{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n  \"syscalls\": [\n    {\"names\": [\"read\"] \"action\": \"SCMP_ACT_ALLOW\"}\n  ]\n}");
        Assert.Null(r.Yaml);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticCodes.ImportInvalid, d.Code);
        Assert.Equal(("in.json", 4), (d.Location.File, d.Location.Line));
        Assert.True(d.Location.Column > 1);
        Assert.StartsWith("in.json:4:", d.Render(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"names": ["read"], "action": "SCMP_ACT_FROBNICATE"}""")]
    [InlineData("""{"names": ["read"], "action": "SCMP_ACT_ERRNO", "errnoRet": 0}""")]
    [InlineData("""{"names": ["read"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_FUZZY"}]}""")]
    public void Actions_and_operators_without_an_hctr_equivalent_are_errors(string entry)
    {
        var r = Import(Doc(entry));
        Assert.Null(r.Yaml);
        Assert.Contains(r.Diagnostics, d => d.IsError && d.Code == DiagnosticCodes.ImportUnsupported);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"syscalls": []}""")]
    [InlineData("""{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": "read", "action": "SCMP_ACT_ALLOW"}]}""")]
    [InlineData("""{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_X86_64"], "archMap": [], "syscalls": []}""")]
    public void Documents_of_the_wrong_shape_are_errors(string json)
    {
        var r = Import(json);
        Assert.Null(r.Yaml);
        Assert.Contains(r.Diagnostics, d => d.IsError && d.Code == DiagnosticCodes.ImportInvalid);
    }

    [Fact]
    public void Docker_default_imports_cleanly_with_one_warning_for_the_name_hctr_does_not_know()
    {
        var r = Import(DockerDefault);
        var p = Load(r);
        var w = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticCodes.ImportUnsupported, w.Code);
        Assert.Contains("riscv_hwprobe", w.Message, StringComparison.Ordinal);
        Assert.Equal("errno(EPERM)", p.Seccomp.DefaultAction.Value.ToString());
        Assert.Equal("errno(ENOSYS)", p.Seccomp.UnknownAction.Value.ToString());
        Assert.Equal([SeccompArch.X86_64, SeccompArch.X86, SeccompArch.X32], p.Seccomp.Architectures.Select(a => a.Value));
        Assert.Equal(14, p.Capabilities.Add.Length);
        Assert.Contains("\n  name: docker-default-seccomp\n",
            DockerSeccompImporter.Import(DockerDefault, "some/dir/docker-default-seccomp.oci.json", ImportOptions.Default).Yaml, StringComparison.Ordinal);

        // The largest unconditional allow list stays one rule, first; every rule says where it came from.
        Assert.True(p.Seccomp.Rules[0].Expanded.Length > 300);
        Assert.All(p.Seccomp.Rules, rule => Assert.StartsWith("from in.json syscalls[", rule.Comment, StringComparison.Ordinal));
        Assert.Equal("errno(ENOSYS)", RuleFor(p, "clone3").Action.ToString());
        var clone = RuleFor(p, "clone");
        Assert.Equal(new ArgCondition(0, ArgOp.MaskedEq, 0, 0x7E020000), Assert.Single(clone.Args));
        Assert.DoesNotContain(p.Seccomp.Rules, rule => rule.Expanded.Contains("mount") || rule.Expanded.Contains("bpf"));
        Assert.Contains(p.Seccomp.Rules, rule => rule.Expanded.Contains("ptrace"));
    }

    [Fact]
    public void Output_is_deterministic()
    {
        Assert.Equal(Import(DockerDefault).Yaml, Import(DockerDefault).Yaml);
    }

    [Fact]
    public void Capabilities_select_includes_and_excludes()
    {
        var options = ImportOptions.Default with { Capabilities = [.. ImportOptions.DockerDefaultCapabilities, "CAP_SYS_ADMIN", "sys_ptrace"] };
        var p = Load(Import(DockerDefault, options));
        Assert.Equal("allow", RuleFor(p, "mount").Action.ToString());
        Assert.Empty(RuleFor(p, "clone").Args);
        Assert.Equal("allow", RuleFor(p, "clone3").Action.ToString());
        Assert.Equal("allow", RuleFor(p, "kcmp").Action.ToString());
        Assert.Contains(p.Capabilities.Add, c => c.Value == Capabilities.Capability.SysAdmin);

        var none = Load(Import(DockerDefault, ImportOptions.Default with { Capabilities = [] }));
        Assert.Empty(none.Capabilities.Add);
        Assert.DoesNotContain(none.Seccomp.Rules, r => r.Expanded.Contains("chroot"));
    }

    [Fact]
    public void Unknown_capabilities_and_bad_names_are_errors()
    {
        Assert.Contains(Import(DockerDefault, ImportOptions.Default with { Capabilities = ["NET_BIND_SERVISE"] }).Diagnostics,
            d => d.Code == DiagnosticCodes.UnknownCapability);
        Assert.Null(Import(DockerDefault, ImportOptions.Default with { Name = "Not A Name" }).Yaml);
    }

    [Fact]
    public void Min_kernel_is_compared_by_major_and_minor()
    {
        Assert.DoesNotContain(Load(Import(DockerDefault, ImportOptions.Default with { Kernel = new Version(4, 4) })).Seccomp.Rules,
            r => r.Expanded.Contains("ptrace"));
        Assert.Contains(Load(Import(DockerDefault, ImportOptions.Default with { Kernel = new Version(4, 8) })).Seccomp.Rules,
            r => r.Expanded.Contains("ptrace"));
    }

    [Fact]
    public void Aarch64_uses_its_arch_map_entry_and_goarch_names()
    {
        var p = Load(Import(DockerDefault, ImportOptions.Default with { Arch = SeccompArch.Aarch64 }));
        Assert.Equal([SeccompArch.Aarch64, SeccompArch.Arm], p.Seccomp.Architectures.Select(a => a.Value));
        Assert.DoesNotContain(p.Seccomp.Rules, r => r.Expanded.Contains("arch_prctl") || r.Expanded.Contains("modify_ldt"));
        Assert.Contains(p.Seccomp.Rules, r => r.Expanded.Contains("arm_fadvise64_64"));
    }

    [Fact]
    public void A_plain_oci_object_without_architectures_gets_the_native_one_and_errno_names()
    {
        var p = Load(Import("""{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 13, "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}"""));
        Assert.Equal("errno(EACCES)", p.Seccomp.DefaultAction.Value.ToString());
        Assert.Equal([SeccompArch.X86_64], p.Seccomp.Architectures.Select(a => a.Value));
        Assert.Equal("kill-thread", Load(Import("""{"defaultAction": "SCMP_ACT_KILL", "syscalls": []}""")).Seccomp.DefaultAction.Value.ToString());
    }

    [Fact]
    public void An_unconditional_rule_decides_its_syscall_as_in_libseccomp_whatever_the_order()
    {
        const string conditionalDeny = """{"names": ["socket"], "action": "SCMP_ACT_ERRNO", "errnoRet": 97, "args": [{"index": 0, "value": 38, "op": "SCMP_CMP_EQ"}]}""";
        const string allow = """{"names": ["socket", "read"], "action": "SCMP_ACT_ALLOW"}""";
        foreach (var entries in new[] { $"{conditionalDeny}, {allow}", $"{allow}, {conditionalDeny}" })
        {
            var r = Import(Doc(entries));
            var p = Load(r);
            var socket = Assert.Single(p.Seccomp.Rules, x => x.Expanded.Contains("socket"));
            Assert.Empty(socket.Args);
            Assert.Equal("allow", socket.Action.ToString());
            Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.ImportUnsupported && d.Message.Contains("socket", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Overlapping_conditional_rules_put_the_most_restrictive_first_and_default_action_rules_are_dropped()
    {
        var r = Import(Doc("""
            {"names": ["socket"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 40, "op": "SCMP_CMP_LT"}]},
            {"names": ["socket"], "action": "SCMP_ACT_ERRNO", "errnoRet": 97, "args": [{"index": 0, "value": 38, "op": "SCMP_CMP_EQ"}]},
            {"names": ["socket"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 0, "value": 2, "op": "SCMP_CMP_EQ"}]}
            """));
        var p = Load(r);
        Assert.Equal(["errno(EAFNOSUPPORT)", "allow"], p.Seccomp.Rules.Select(x => x.Action.ToString()));
        Assert.Contains(r.Diagnostics, d => d.Message.Contains("syscalls[2]", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_conditions_on_one_argument_become_separate_rules_as_runc_does()
    {
        var r = Import(Doc("""
            {"names": ["personality"], "action": "SCMP_ACT_ALLOW", "args": [
              {"index": 0, "value": 0, "op": "SCMP_CMP_EQ"}, {"index": 0, "value": 8, "op": "SCMP_CMP_EQ"}]}
            """));
        var p = Load(r);
        Assert.Equal(2, p.Seccomp.Rules.Length);
        Assert.All(p.Seccomp.Rules, x => Assert.Single(x.Args));
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.ImportUnsupported && !d.IsError);
    }

    [Fact]
    public void Comments_with_quotes_and_newlines_survive_as_yaml()
    {
        var p = Load(Import(Doc("""{"names": ["read"], "action": "SCMP_ACT_ALLOW", "comment": "say \"hi\"\nthen: go # not a comment"}""")));
        Assert.EndsWith("say \"hi\"\nthen: go # not a comment", p.Seccomp.Rules[0].Comment, StringComparison.Ordinal);
    }

    [Fact]
    public void The_resolved_oci_file_imports_to_the_same_decisions()
    {
        var r = Import(File.ReadAllText(ImportEquivalenceTests.TestData("docker-default-seccomp.oci.json")));
        var filter = ImportEquivalenceTests.Compile(ImportEquivalenceTests.LoadYaml("oci.yaml", r.Yaml!));
        var oracle = new OciSeccompOracle(File.ReadAllText(ImportEquivalenceTests.TestData("docker-default-seccomp.oci.json")));
        var (diffs, _) = ImportEquivalenceTests.Compare(filter, oracle, SeccompArch.X86_64);
        Assert.DoesNotContain(diffs, x => SyscallTable.IsKnown(SeccompArch.X86_64, x.Nr));
    }
}
