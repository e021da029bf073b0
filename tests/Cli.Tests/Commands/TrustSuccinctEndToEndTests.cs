using System.Buffers.Binary;
using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Hctr.Cli.Commands;
using Hctr.Trust.Tests.Simulator;
using Xunit;

namespace Hctr.Cli.Tests.Commands;

/// <summary>
/// The repository side of succinct hash bins through the CLI code (<c>hctr trust ...</c> in process): init, delegate
/// to 16 bins, sign images (each lands in its bin), publish, serve on 127.0.0.1, verify each through its bin;
/// a tampered bin is refused.
/// </summary>
[Trait("Category", "E2E")]
[Collection("Console")]
public sealed class TrustSuccinctEndToEndTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hctr-succinct-e2e-").FullName;
    private readonly string? _passphrase = Environment.GetEnvironmentVariable("HCTR_KEY_PASSPHRASE");
    private int _clients;

    public TrustSuccinctEndToEndTests() => Environment.SetEnvironmentVariable("HCTR_KEY_PASSPHRASE", "e2e-passphrase");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("HCTR_KEY_PASSPHRASE", _passphrase);
        Directory.Delete(_work, recursive: true);
    }

    private string W(string name) => Path.Combine(_work, name);

    private string Repo => W("repo");

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand("test") { TrustCommands.Create() };
        return CommandRunner.Run(root, args);
    }

    private static string Ok((int Exit, string Out, string Err) r)
    {
        Assert.True(r.Exit == 0, $"exit {r.Exit}: {r.Out}{r.Err}");
        return r.Out;
    }

    /// <summary>TAP 15, computed here independently: the top 4 bits of sha256(target name), one hex digit.</summary>
    private static string BinOf(string targetName) =>
        $"bins-{BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(targetName))) >> 28:x1}";

    private (string Reference, string Manifest) Image(int i)
    {
        var manifest = W($"manifest{i}.json");
        File.WriteAllText(manifest, $"{{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"n\":{i}}}");
        var digest = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(manifest)));
        return ($"registry.example/team/app{i}:v1@sha256:{digest}", manifest);
    }

    private void CreateRepositoryWithBins()
    {
        foreach (var k in new[] { "root", "top", "binA", "binB", "online" })
        {
            Ok(Run("trust", "key", "generate", "--type", k == "binB" ? "ecdsa-p256" : "ed25519", "-o", W(k)));
        }

        Ok(Run("trust", "init", "--dir", Repo, "--root-key", W("root"), "--targets-key", W("top.pub"),
            "--snapshot-key", W("online.pub"), "--timestamp-key", W("online.pub")));

        // Two bin keys, threshold 2, only one private: the empty bins cannot be signed now.
        var (exit, _, err) = Run("trust", "delegate", "--dir", Repo, "--succinct", "--bit-length", "4", "--name-prefix", "bins",
            "--key", W("binA"), "--key", W("binB.pub"), "--threshold", "2", "--delegator-key", W("top"));
        Assert.Equal(1, exit);
        Assert.Contains("1 of 2", err);

        var output = Ok(Run("trust", "delegate", "--dir", Repo, "--succinct", "--bit-length", "4", "--name-prefix", "bins",
            "--key", W("binA"), "--key", W("binB.pub"), "--delegator-key", W("top")));
        Assert.Contains("16 hash bins bins-0 .. bins-f", output);
    }

    private string Verify(StaticHttpServer server, string reference, string manifest, int expectExit = 0)
    {
        var (exit, output, err) = Run("trust", "verify", reference.Split('@')[0], "--metadata-url", server.BaseUrl.AbsoluteUri,
            "--metadata-dir", W($"client{_clients++}"), "--root", Path.Combine(Repo, "public", "1.root.json"), "--manifest", manifest);
        Assert.True(exit == expectExit, $"exit {exit}: {output}{err}");
        return output + err;
    }

    [Fact]
    public void Images_signed_into_cli_created_bins_verify_through_their_bin_and_a_tampered_bin_is_refused()
    {
        CreateRepositoryWithBins();
        var images = Enumerable.Range(1, 6).Select(Image).ToList();
        foreach (var (reference, manifest) in images)
        {
            var output = Ok(Run("trust", "sign", reference, "--manifest", manifest, "--key", W("binA"), "--dir", Repo));
            Assert.Contains($"in role {BinOf(reference.Split('@')[0])}", output);
        }

        Assert.True(images.Select(i => BinOf(i.Reference.Split('@')[0])).Distinct().Count() > 1, "the images should spread over several bins");
        Ok(Run("trust", "publish", "--dir", Repo, "--snapshot-key", W("online"), "--timestamp-key", W("online")));
        Assert.Equal(16, Directory.EnumerateFiles(Path.Combine(Repo, "public"), "1.bins-*.json").Count());

        using var server = new StaticHttpServer(Path.Combine(Repo, "public"));
        foreach (var (reference, manifest) in images)
        {
            var output = Verify(server, reference, manifest);
            Assert.Contains($"role    targets -> {BinOf(reference.Split('@')[0])}", output);
            Assert.Contains(reference.Split('@')[1], output);
        }

        // One byte of the first image's bin changes: that image is refused, an image in another bin still verifies.
        var victim = images[0];
        var victimBin = BinOf(victim.Reference.Split('@')[0]);
        var binFile = Path.Combine(Repo, "public", $"1.{victimBin}.json");
        var bytes = File.ReadAllBytes(binFile);
        var at = Encoding.UTF8.GetString(bytes).IndexOf("\"length\"", StringComparison.Ordinal) + 10;
        bytes[at] = (byte)(bytes[at] == (byte)'1' ? '2' : '1');
        File.WriteAllBytes(binFile, bytes);
        var refused = Verify(server, victim.Reference, victim.Manifest, expectExit: 1);
        Assert.Contains("refused", refused);
        Assert.Contains(victimBin, refused);
        var other = images.First(i => BinOf(i.Reference.Split('@')[0]) != victimBin);
        Verify(server, other.Reference, other.Manifest);
    }

    [Fact]
    public void A_target_signed_into_the_wrong_bin_or_with_a_stranger_key_is_refused()
    {
        CreateRepositoryWithBins();
        var (reference, manifest) = Image(1);
        var right = BinOf(reference.Split('@')[0]);
        var wrong = right == "bins-0" ? "bins-1" : "bins-0";
        var (exit, _, err) = Run("trust", "sign", reference, "--manifest", manifest, "--key", W("binA"), "--role", wrong, "--dir", Repo);
        Assert.Equal(1, exit);
        Assert.Contains($"belongs in hash bin '{right}'", err);

        (exit, _, err) = Run("trust", "sign", reference, "--manifest", manifest, "--key", W("online"), "--dir", Repo);
        Assert.Equal(1, exit);
        Assert.Contains("is not a signer of role 'targets'", err);

        // Ordered delegations cannot be added next to the bins, and bins cannot be created twice.
        (exit, _, err) = Run("trust", "delegate", "--dir", Repo, "--role", "team", "--path", "registry.example/team/*", "--key", W("binB.pub"),
            "--delegator-key", W("top"));
        Assert.Equal(1, exit);
        Assert.Contains("hash bins", err);
        (exit, _, err) = Run("trust", "delegate", "--dir", Repo, "--succinct", "--bit-length", "2", "--name-prefix", "more",
            "--key", W("binA"), "--delegator-key", W("top"));
        Assert.Equal(1, exit);
        Assert.Contains("already delegates", err);
    }

    [Theory]
    [InlineData("--succinct needs --bit-length and --name-prefix", "--succinct", "--name-prefix", "bins")]
    [InlineData("not --role, --path or --terminating", "--succinct", "--bit-length", "4", "--name-prefix", "bins", "--role", "x")]
    [InlineData("go with --succinct", "--bit-length", "4", "--role", "x", "--path", "a/*")]
    [InlineData("needs --role and --path", "--role", "x")]
    public void Mixed_or_missing_delegate_options_are_parse_errors(string message, params string[] extra)
    {
        // System.CommandLine reports parse errors with its own exit code (1) before any file is touched.
        var args = new[] { "trust", "delegate", "--dir", Repo, "--key", W("k.pub"), "--delegator-key", W("top") }.Concat(extra).ToArray();
        var (exit, _, err) = Run(args);
        Assert.NotEqual(0, exit);
        Assert.Contains(message, err);
        Assert.False(Directory.Exists(Repo));
    }
}
