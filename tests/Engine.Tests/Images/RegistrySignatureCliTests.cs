using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Hctr.Engine.Images.Registry;
using Hctr.Trust.Images;
using Hctr.Trust.Tests.Signatures;
using Xunit;

namespace Hctr.Engine.Tests.Images;

/// <summary>
/// The built <c>hctr</c> (<c>HCTR_BINARY</c>, else <c>bin/hctr</c>, the NativeAOT publish) end to end against a real
/// docker-registry: <c>trust key generate</c>, <c>trust sign --registry</c> by signers in turn (cosign keys and an
/// X.509 certificate), <c>pull --policy</c> refusing then accepting, and <c>trust policy check</c>.
/// </summary>
[Trait("Category", "E2E")]
public sealed class RegistrySignatureCliTests(RegistryFixture registry) : IClassFixture<RegistryFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-regsig-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Binary()
    {
        if (Environment.GetEnvironmentVariable("HCTR_BINARY") is { Length: > 0 } explicitPath) return explicitPath;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Hardened.sln")))
            {
                string candidate = Path.Combine(d.FullName, "bin", "hctr");
                return File.Exists(candidate) ? candidate
                    : throw new FileNotFoundException($"{candidate} is missing: publish it first (scripts/setup.sh) or set HCTR_BINARY");
            }
        }
        throw new FileNotFoundException("Hardened.sln not found");
    }

    private (int Exit, string Out, string Err) Hctr(params string[] args)
    {
        var psi = new ProcessStartInfo(Binary()) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = _dir };
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["HCTR_KEY_PASSPHRASE"] = "test passphrase";
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"hctr {string.Join(' ', args)} did not finish");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private async Task<(string Reference, TestImage Image)> PushAsync(string repo)
    {
        var image = TestImage.Create("amd64", new LayerBuilder().Dir("etc").File("etc/hello", "cli " + repo).TarGz());
        string reference = $"{registry.Host}/{repo}:1";
        var parsed = ImageReference.TryParse(reference, out var r, out _) ? r! : throw new ArgumentException(reference);
        using var client = new RegistryClient(new RegistryOptions());
        await image.PushAsync(client, ImageLocation.Of(parsed), "1");
        return (reference, image);
    }

    [Fact]
    public async Task Cosign_signers_in_turn_then_pull_and_policy_check()
    {
        var (reference, image) = await PushAsync("cli/web");
        foreach (var (name, type) in new[] { ("alice", "ecdsa-p256"), ("bob", "ed25519") })
            Assert.Equal(0, Hctr("trust", "key", "generate", "--type", type, "-o", name).Exit);
        File.Copy(Path.Combine(HctrBinaryRepo(), "profiles", "web-strict.yaml"), Path.Combine(_dir, "web-strict.yaml"));
        File.WriteAllText(Path.Combine(_dir, "policy.yaml"), $"""
            version: 1
            images:
              - pattern: "{registry.Host}/cli/*"
                trust:
                  mechanism: cosign
                  keys: [alice.pub, bob.pub]
                  threshold: 2
                profiles: [{"{"}name: web-strict{"}"}]
            """);

        var signed = Hctr("trust", "sign", "--registry", $"{reference}@{image.Digest}", "--key", "alice");
        Assert.True(signed.Exit == 0, signed.Err);
        Assert.Contains("(1 signature)", signed.Out);
        registry.Settle(); // the push's own lines (which name the content digests) must be read before counting starts
        int logBefore = registry.Log.Count;
        var refused = Hctr("pull", reference, "--policy", "policy.yaml", "--root", Path.Combine(_dir, "store"));
        Assert.Equal(1, refused.Exit);
        Assert.Contains("ThresholdNotMet", refused.Err);
        Assert.Contains("1 of 2", refused.Err);
        registry.Settle();
        string config = Digests.Of(image.Config);
        Assert.DoesNotContain(registry.Log.Skip(logBefore), l => l.Contains(config, StringComparison.Ordinal));

        Assert.Equal(0, Hctr("trust", "sign", "--registry", $"{reference}@{image.Digest}", "--key", "bob").Exit);
        var again = Hctr("trust", "sign", "--registry", $"{reference}@{image.Digest}", "--key", "bob");
        Assert.Contains("nothing pushed", again.Out);
        var pulled = Hctr("pull", reference, "--policy", "policy.yaml", "--root", Path.Combine(_dir, "store"));
        Assert.True(pulled.Exit == 0, pulled.Err);
        Assert.Contains("signers 2 of 2", pulled.Out);
        Assert.Contains($"pulled  {reference}@{image.Digest}", pulled.Out);
        var check = Hctr("trust", "policy", "check", reference, "--profile", "web-strict.yaml", "--policy", "policy.yaml");
        Assert.True(check.Exit == 0, check.Err);
        Assert.StartsWith("yes: Allowed", check.Out);
        Assert.Contains("mechanism cosign", check.Out);
    }

    [Fact]
    public async Task X509_certificate_signature_then_pull()
    {
        var (reference, image) = await PushAsync("cli/pki");
        using var ca = new TestCa();
        using var leaf = ca.Leaf("cli-release");
        File.WriteAllText(Path.Combine(_dir, "signer.pem"), TestCa.Pem(leaf, ca.Intermediate));
        File.WriteAllText(Path.Combine(_dir, "signer.key"), leaf.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(_dir, "root.pem"), TestCa.Pem(ca.Root));
        File.WriteAllText(Path.Combine(_dir, "policy.yaml"),
            $"version: 1\nimages:\n  - pattern: \"{registry.Host}/cli/*\"\n    trust: {{mechanism: x509, roots: [root.pem]}}\n");
        var unsigned = Hctr("pull", reference, "--policy", "policy.yaml", "--root", Path.Combine(_dir, "store"));
        Assert.Equal(1, unsigned.Exit);
        Assert.Contains("Unsigned", unsigned.Err);
        var signed = Hctr("trust", "sign", "--registry", $"{reference}@{image.Digest}", "--cert", "signer.pem", "--key", "signer.key");
        Assert.True(signed.Exit == 0, signed.Err);
        var pulled = Hctr("pull", reference, "--policy", "policy.yaml", "--root", Path.Combine(_dir, "store"), "--format", "json");
        Assert.True(pulled.Exit == 0, pulled.Err);
        Assert.Contains("\"mechanism\":\"x509\"", pulled.Out);
        Assert.Contains("CN=cli-release", pulled.Out);
    }

    private static string HctrBinaryRepo()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Hardened.sln"))) return d.FullName;
        throw new FileNotFoundException("Hardened.sln not found");
    }
}
