using System.CommandLine;
using Hctr.Cli.Commands;
using Xunit;

namespace Hctr.Cli.Tests.Commands;

/// <summary><c>hctr policy check --trust-policy</c>: required image signers against the fixtures in <c>Signers/fixtures</c>.</summary>
[Trait("Category", "Unit")]
[Collection("Console")]
public sealed class PolicySignersTests
{
    private static readonly string Fixtures = Path.Combine(FindRoot(), "tests", "Cli.Tests", "Signers", "fixtures");

    private static string F(string name) => Path.Combine(Fixtures, name);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand("test") { PolicyCommands.Create() };
        return CommandRunner.Run(root, args);
    }

    [Fact]
    public void A_trust_policy_that_enforces_the_signers_passes()
    {
        var (exit, output, err) = Run("policy", "check", "--policy", F("org-signers.yaml"), "--trust-policy", F("trust-enforces.yaml"));
        Assert.True(exit == ExitCodes.Ok, output + err);
        Assert.Contains("enforces the required image signers", output);
        Assert.DoesNotContain("HCTR-P005", output);
    }

    [Fact]
    public void Weak_rules_and_an_allowing_default_are_violations_located_in_both_policies()
    {
        var (exit, output, err) = Run("policy", "check", "--policy", F("org-signers.yaml"), "--trust-policy", F("trust-weak.yaml"));
        Assert.True(exit == ExitCodes.Findings, output + err);
        var lines = output.Split('\n').Where(l => l.Contains("HCTR-P005", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Contains(lines, l => l.Contains("trust-weak.yaml:3:1:", StringComparison.Ordinal) && l.Contains("as few as 1 required key"));
        Assert.Contains(lines, l => l.Contains("trust-weak.yaml:9:1:", StringComparison.Ordinal) && l.Contains("unverified"));
        Assert.Contains(lines, l => l.Contains("trust-weak.yaml:17:1:", StringComparison.Ordinal) && l.Contains("pins no keys"));
        Assert.Contains(lines, l => l.Contains("trust-weak.yaml:21:1:", StringComparison.Ordinal) && l.Contains("allow-unverified-unsafe"));
        Assert.DoesNotContain(lines, l => l.Contains("trust-weak.yaml:11:", StringComparison.Ordinal)); // 2 of a, b, c (b listed twice)
        Assert.All(lines, l => Assert.Contains("required by ", l));
        Assert.All(lines, l => Assert.Contains("org-signers.yaml:5:", l));
    }

    [Fact]
    public void A_pattern_no_rule_covers_is_a_violation_even_when_the_default_refuses()
    {
        var (exit, output, _) = Run("policy", "check", "--policy", F("org-signers.yaml"), "--trust-policy", F("trust-uncovered.yaml"));
        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("trust-uncovered.yaml:2:1: error HCTR-P005: no trust-policy rule matches", output);
    }

    [Fact]
    public void Signer_violations_and_profile_checks_combine()
    {
        var profile = Path.Combine(FindRoot(), "profiles", "web-strict.yaml");
        Assert.Equal(ExitCodes.Findings, Run("policy", "check", "--policy", F("org-signers.yaml"), "--trust-policy", F("trust-weak.yaml"), profile).Exit);
        Assert.Equal(ExitCodes.Ok, Run("policy", "check", "--policy", F("org-signers.yaml"), "--trust-policy", F("trust-enforces.yaml"), profile).Exit);
    }

    [Fact]
    public void A_malformed_trust_policy_is_a_located_input_error()
    {
        var (exit, output, err) = Run("policy", "check", "--policy", F("org-signers.yaml"), "--trust-policy", F("trust-malformed.yaml"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("trust-malformed.yaml:8:7: error HCTR1802:", err);
        Assert.DoesNotContain("HCTR-P005", output);
    }

    [Fact]
    public void A_missing_trust_policy_is_an_input_error()
    {
        var (exit, _, err) = Run("policy", "check", "--policy", F("org-signers.yaml"), "--trust-policy", F("no-such.yaml"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("no-such.yaml", err);
        Assert.Contains("HCTR1802", err);
    }

    [Fact]
    public void Required_signers_without_a_trust_policy_is_an_input_error_at_the_requirement()
    {
        var (exit, _, err) = Run("policy", "check", "--policy", F("org-signers.yaml"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("org-signers.yaml:5:", err);
        Assert.Contains("HCTR1802", err);
    }

    [Fact]
    public void Malformed_required_signers_are_located_input_errors()
    {
        var (exit, _, err) = Run("policy", "check", "--policy", F("org-bad-signers.yaml"), "--trust-policy", F("trust-enforces.yaml"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("org-bad-signers.yaml:6:", err); // not a key id
        Assert.Contains("org-bad-signers.yaml:7:", err); // threshold 3 of 2 keys
        Assert.Contains("org-bad-signers.yaml:9:", err); // unknown key 'signers'
        Assert.Contains("HCTR1801", err);
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

        throw new InvalidOperationException("repository root not found");
    }
}
