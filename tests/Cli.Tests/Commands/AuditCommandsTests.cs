using System.CommandLine;
using System.Text.Json;
using Hctr.Cli.Commands;
using Hctr.Tests.Sarif;
using Xunit;

namespace Hctr.Cli.Tests.Commands;

/// <summary>
/// lint, diff, audit and policy check run in-process on a command tree holding only them (the lead wires them into
/// <c>HctrApp</c>); Console is captured, so the class runs alone.
/// </summary>
[Trait("Category", "Unit")]
[Collection("Console")]
public sealed class AuditCommandsTests
{
    private static readonly string Root = FindRoot();

    private static string Profile(string name) => Path.Combine(Root, "profiles", name);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand("test");
        var profile = new Command("profile") { LintCommand.Create(), DiffCommand.Create(), AuditCommand.Create() };
        root.Subcommands.Add(profile);
        root.Subcommands.Add(PolicyCommands.Create());
        return CommandRunner.Run(root, args);
    }

    [Fact]
    public void Lint_of_a_missing_file_is_an_input_error()
    {
        var (exit, _, err) = Run("profile", "lint", "/nonexistent/p.yaml");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("HCTR1901", err);
    }

    [Fact]
    public void Lint_of_broken_yaml_is_a_located_input_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hctr-broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "apiVersion: hctr.dev/v1\nkind: [\n");
        try
        {
            var (exit, _, err) = Run("profile", "lint", path);
            Assert.Equal(ExitCodes.Usage, exit);
            Assert.Contains($"{Path.GetFileName(path)}:3:", err);
            Assert.Contains("HCTR1001", err);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Lint_reports_findings_with_exit_1_and_clean_profiles_with_0()
    {
        Assert.Equal(ExitCodes.Findings, Run("profile", "lint", Profile("default.yaml")).Exit);
        Assert.Equal(ExitCodes.Ok, Run("profile", "lint", Profile("web-strict.yaml")).Exit);
    }

    [Fact]
    public void Diff_fails_on_widening_only_when_asked()
    {
        var (narrow, wide) = (Profile("web-strict.yaml"), Profile("default.yaml"));
        Assert.Equal(ExitCodes.Ok, Run("profile", "diff", narrow, wide).Exit);
        var (exit, output, _) = Run("profile", "diff", narrow, wide, "--fail-on", "widen");
        Assert.Equal(ExitCodes.Findings, exit);
        Assert.StartsWith("Widenings", output);
        Assert.Equal(ExitCodes.Ok, Run("profile", "diff", narrow, narrow, "--fail-on", "widen").Exit);
    }

    [Fact]
    public void Diff_json_lists_changes()
    {
        var (exit, output, _) = Run("profile", "diff", Profile("web-strict.yaml"), Profile("default.yaml"), "--format", "json");
        Assert.Equal(ExitCodes.Ok, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.True(doc.RootElement.GetProperty("widens").GetBoolean());
        Assert.Equal("widen", doc.RootElement.GetProperty("changes")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void Diff_with_a_git_revision_that_does_not_exist_is_an_input_error()
    {
        var (exit, _, err) = Run("profile", "diff", "git:no-such-rev-hctr:profiles/default.yaml", Profile("default.yaml"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("git:no-such-rev-hctr:profiles/default.yaml", err);
        Assert.Contains("HCTR1901", err);
    }

    [Fact]
    public void Diff_reads_a_profile_from_a_git_revision()
    {
        var rel = Path.GetRelativePath(Directory.GetCurrentDirectory(), Profile("web-strict.yaml"));
        var (exit, output, err) = Run("profile", "diff", $"git:HEAD:{rel}", Profile("web-strict.yaml"), "--fail-on", "widen");
        Assert.True(exit == ExitCodes.Ok, err);
        Assert.Contains("no semantic difference", output);
    }

    [Fact]
    public void Audit_sarif_is_json_with_results_and_a_bad_since_is_an_input_error()
    {
        var (exit, output, _) = Run("profile", "audit", Path.Combine(Root, "profiles"), "--format", "sarif");
        Assert.Equal(ExitCodes.Findings, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        Assert.Equal(ExitCodes.Usage, Run("profile", "audit", Path.Combine(Root, "profiles"), "--since", "no-such-rev-hctr").Exit);
    }

    [SarifSchemaFact]
    public void Audit_sarif_of_the_shipped_profiles_validates_against_the_official_schema()
    {
        var (exit, output, err) = Run("profile", "audit", Path.Combine(Root, "profiles"), "--format", "sarif");
        Assert.True(exit == ExitCodes.Findings, err);
        OfficialSarifSchema.AssertValid(OfficialSarifSchema.Load(), System.Text.Encoding.UTF8.GetBytes(output));
    }

    [Fact]
    public void Policy_check_passes_fails_and_rejects_a_malformed_policy()
    {
        var dir = Directory.CreateTempSubdirectory("hctr-policy-").FullName;
        try
        {
            var good = Path.Combine(dir, "org.yaml");
            File.WriteAllText(good, $"apiVersion: hctr.dev/v1\nkind: OrgPolicy\nmetadata: {{name: acme}}\nforbid:\n  capabilities: [SYS_ADMIN]\n"
                + $"  syscalls: [ptrace]\nrequire: [userNamespace, pidsLimit]\nceiling: {Profile("web-strict.yaml")}\n");
            Assert.Equal(ExitCodes.Ok, Run("policy", "check", "--policy", good, Profile("web-strict.yaml")).Exit);
            var (exit, output, _) = Run("policy", "check", "--policy", good, Profile("default.yaml"));
            Assert.Equal(ExitCodes.Findings, exit);
            Assert.Contains("HCTR-P002", output);
            Assert.Contains("HCTR-P004", output);

            var bad = Path.Combine(dir, "bad.yaml");
            File.WriteAllText(bad, "apiVersion: hctr.dev/v1\nkind: OrgPolicy\nforbid:\n  capabilities: [SYS_ADMN]\n");
            var (badExit, _, err) = Run("policy", "check", "--policy", bad, Profile("web-strict.yaml"));
            Assert.Equal(ExitCodes.Usage, badExit);
            Assert.Contains("bad.yaml:4:", err);
            Assert.Contains("HCTR1801", err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Hardened.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("Hardened.sln not found");
    }
}
