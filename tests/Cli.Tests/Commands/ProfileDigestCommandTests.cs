using System.CommandLine;
using System.Security.Cryptography;
using Hctr.Cli.Commands;
using Xunit;

namespace Hctr.Cli.Tests.Commands;

/// <summary>`hctr profile digest` and the pin `hctr trust policy check` compares it with: the whole extends: chain.</summary>
[Trait("Category", "Unit")]
public sealed class ProfileDigestCommandTests : IDisposable
{
    private const string Base = "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: base}\nspec:\n  resources: {pids: 100}\n";
    private const string Child = "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: web}\nextends: base.yaml\nspec:\n  resources: {pids: 50}\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-digest-").FullName;

    public ProfileDigestCommandTests()
    {
        File.WriteAllText(Path.Combine(_dir, "base.yaml"), Base);
        File.WriteAllText(Path.Combine(_dir, "web.yaml"), Child);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out) Run(Command command, params string[] args)
    {
        var (exit, output, _) = CommandRunner.Run(new RootCommand { command }, args);
        return (exit, output);
    }

    private string Digest()
    {
        var (code, output) = Run(ProfileCommands.Create(), "profile", "digest", Path.Combine(_dir, "web.yaml"));
        Assert.Equal(0, code);
        return output.Split(' ')[0];
    }

    [Fact]
    public void A_standalone_profile_digests_like_sha256sum()
    {
        var (code, output) = Run(ProfileCommands.Create(), "profile", "digest", Path.Combine(_dir, "base.yaml"));
        Assert.Equal(0, code);
        Assert.StartsWith("sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(_dir, "base.yaml")))), output);
    }

    [Fact]
    public void Editing_a_base_breaks_the_pin_of_the_profile_that_extends_it()
    {
        var pinned = Digest();
        var policy = Path.Combine(_dir, "trust-policy.yaml");
        File.WriteAllText(policy,
            "version: 1\ndefault: refuse\nimages:\n"
            + "  - pattern: \"localhost:5000/*\"\n    trust: unverified-unsafe\n"
            + $"    profiles: [{{name: web, digest: \"{pinned}\"}}]\n");
        string[] check = ["trust", "policy", "check", "localhost:5000/app:1", "--profile", Path.Combine(_dir, "web.yaml"), "--policy", policy];

        var (ok, okOut) = Run(TrustCommands.Create(), check);
        Assert.True(ok == 0, okOut);
        Assert.StartsWith("yes", okOut);

        File.WriteAllText(Path.Combine(_dir, "base.yaml"), Base.Replace("pids: 100", "pids: 1000", StringComparison.Ordinal));
        Assert.NotEqual(pinned, Digest());
        var (refused, refusedOut) = Run(TrustCommands.Create(), check);
        Assert.NotEqual(0, refused);
        Assert.Contains("ProfileDigestMismatch", refusedOut);
    }
}
