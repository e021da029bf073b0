using Hctr.Trust.Crypto;
using Hctr.Trust.Metadata;
using Hctr.Trust.Repository;
using Hctr.Trust.Tests.Simulator;
using Xunit;

namespace Hctr.Trust.Tests.TrustClient;

/// <summary>Drives the built <c>hctr-tuf-client</c> against a repository served over HTTP on 127.0.0.1.</summary>
[Trait("Category", "E2E")]
public sealed class TufClientEndToEndTests : IDisposable
{
    private const string Client = "hctr-tuf-client";
    private const string TargetName = "registry.example/app:v1";
    private readonly string _work = Directory.CreateTempSubdirectory("hctr-tuf-e2e-").FullName;
    private readonly byte[] _manifest = "{\"schemaVersion\":2,\"layers\":[]}"u8.ToArray();

    private string Served => Path.Combine(_work, "www");
    private string MetadataDir => Path.Combine(_work, "client");
    private string TargetDir => Path.Combine(_work, "out");

    private void BuildRepository()
    {
        var root = SigningKey.Generate(KeyAlgorithm.Ed25519);
        var targets = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
        var online = SigningKey.Generate(KeyAlgorithm.Ed25519);
        var repo = new RepositoryDirectory(Path.Combine(_work, "repo"), TimeProvider.System);
        repo.Init(new Dictionary<string, IReadOnlyList<PublicKey>>
        {
            [RoleNames.Root] = [root.Public], [RoleNames.Targets] = [targets.Public],
            [RoleNames.Snapshot] = [online.Public], [RoleNames.Timestamp] = [online.Public],
        }, new Dictionary<string, int>(), [root]);
        var target = repo.AddTarget(TargetName, _manifest, targets);
        repo.Publish(Path.Combine(Served, "metadata"), [online], [online]);
        string targetDir = Path.Combine(Served, "targets", "registry.example");
        Directory.CreateDirectory(targetDir);
        File.WriteAllBytes(Path.Combine(targetDir, $"{target.Hashes["sha256"]}.app:v1"), _manifest);
    }

    private (int Code, string Err) Run(StaticHttpServer server, string command)
    {
        var args = new List<string> { "--metadata-url", new Uri(server.BaseUrl, "metadata/").AbsoluteUri, "--metadata-dir", MetadataDir };
        if (command == "download")
            args.AddRange(["--target-name", TargetName, "--target-dir", TargetDir, "--target-base-url", new Uri(server.BaseUrl, "targets/").AbsoluteUri]);
        args.Add(command);
        var (code, _, err) = ProcessRunner.Run(Client, [.. args]);
        return (code, err);
    }

    private void Init() =>
        Assert.Equal(0, ProcessRunner.Run(Client, "--metadata-dir", MetadataDir, "init", Path.Combine(Served, "metadata", "1.root.json")).ExitCode);

    [Fact]
    public void InitRefreshDownload_Succeed_AndStoreExactBytes()
    {
        BuildRepository();
        using var server = new StaticHttpServer(Served);
        Init();

        var refresh = Run(server, "refresh");
        Assert.True(refresh.Code == 0, refresh.Err);
        foreach (string name in new[] { "timestamp.json", "snapshot.json", "targets.json" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(Served, "metadata", name)), File.ReadAllBytes(Path.Combine(MetadataDir, name)));

        var download = Run(server, "download");
        Assert.True(download.Code == 0, download.Err);
        Assert.Equal(_manifest, File.ReadAllBytes(Path.Combine(TargetDir, Uri.EscapeDataString(TargetName))));
    }

    [Theory]
    [InlineData("metadata/timestamp.json")]
    [InlineData("metadata/1.snapshot.json")]
    [InlineData("metadata/1.targets.json")]
    [InlineData("target")]
    public void TamperedFile_FailsWithExitCodeOne(string file)
    {
        BuildRepository();
        using var server = new StaticHttpServer(Served);
        Init();
        string path = file == "target"
            ? Directory.GetFiles(Path.Combine(Served, "targets", "registry.example")).Single()
            : Path.Combine(Served, file);
        byte[] bytes = File.ReadAllBytes(path);
        int at = Array.IndexOf(bytes, (byte)'2') is var i and >= 0 ? i : bytes.Length / 2;
        bytes[at] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var result = Run(server, "download");
        Assert.True(result.Code == 1 && result.Err.Contains("refused", StringComparison.Ordinal),
            $"flipped byte {at} of {file}; exit {result.Code}; stderr: {result.Err}; served: {string.Join(", ", server.Requests)}");
    }

    [Fact]
    public void BadUsage_And_UnreachableServer_ExitOne()
    {
        Assert.Equal(1, ProcessRunner.Run(Client).ExitCode);
        Assert.Equal(1, ProcessRunner.Run(Client, "--metadata-dir", MetadataDir, "init", Path.Combine(_work, "missing.json")).ExitCode);
        Assert.Equal(1, ProcessRunner.Run(Client, "--metadata-dir", MetadataDir, "--metadata-url", "http://127.0.0.1:1/", "refresh").ExitCode);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
