using Hctr.Trust.Crypto;
using Hctr.Trust.Metadata;
using Hctr.Trust.Repository;
using Hctr.Trust.Tests.Simulator;
using Xunit;

namespace Hctr.Trust.Tests.TrustClient;

/// <summary>
/// The conformance contract of <c>hctr-tuf-client</c>: on any bad input the exit code is exactly 1 (never 0, never
/// 134 from an escaped exception's SIGABRT, never a stack trace), with a one-line reason on stderr.
/// One repository and one loopback server serve every case: <c>good/</c> a published repository, <c>empty/</c> nothing
/// (404 for everything), <c>garbage/</c> a timestamp that is not JSON, <c>wrong/</c> JSON of the wrong shape,
/// <c>huge/</c> a timestamp over the size cap.
/// </summary>
[Trait("Category", "E2E")]
public sealed class TufClientExitCodeTests : IClassFixture<TufClientExitCodeTests.Repository>
{
    private const string Client = "hctr-tuf-client";
    private readonly Repository _repo;

    public TufClientExitCodeTests(Repository repo) => _repo = repo;

    public sealed class Repository : IDisposable
    {
        public Repository()
        {
            var root = SigningKey.Generate(KeyAlgorithm.Ed25519);
            var online = SigningKey.Generate(KeyAlgorithm.Ed25519);
            var repo = new RepositoryDirectory(Path.Combine(Work, "repo"), TimeProvider.System);
            repo.Init(new Dictionary<string, IReadOnlyList<PublicKey>>
            {
                [RoleNames.Root] = [root.Public], [RoleNames.Targets] = [online.Public],
                [RoleNames.Snapshot] = [online.Public], [RoleNames.Timestamp] = [online.Public],
            }, new Dictionary<string, int>(), [root]);
            var target = repo.AddTarget("registry.example/app:v1", "{}"u8, online);
            Write($"targets/registry.example/{target.Hashes["sha256"]}.app:v1", "{}"u8.ToArray());
            repo.Publish(Path.Combine(Work, "www", "good"), [online], [online]);
            Directory.CreateDirectory(Path.Combine(Work, "www", "empty"));
            Write("garbage/timestamp.json", "{not json"u8.ToArray());
            Write("wrong/timestamp.json", "{\"signed\":1,\"signatures\":\"x\"}"u8.ToArray());
            Write("huge/timestamp.json", new byte[20 * 1024 * 1024]);
            Server = new StaticHttpServer(Path.Combine(Work, "www"));
            Root = Path.Combine(Work, "www", "good", "1.root.json");
            Write("local/garbage-root.json", "\u0000\u0001 not a root"u8.ToArray());
            Write("local/unsigned-root.json", "{\"signed\":{\"_type\":\"root\"},\"signatures\":[]}"u8.ToArray());
            Write("local/a-file", "x"u8.ToArray());
        }

        public string Work { get; } = Directory.CreateTempSubdirectory("hctr-tuf-exit-").FullName;

        internal StaticHttpServer Server { get; }

        public string Root { get; }

        public string Url(string dir) => new Uri(Server.BaseUrl, dir + "/").AbsoluteUri;

        private void Write(string relative, byte[] bytes)
        {
            string path = Path.Combine(Work, "www", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }

        public void Dispose()
        {
            Server.Dispose();
            Directory.Delete(Work, recursive: true);
        }
    }

    /// <summary>A fresh metadata directory, initialised with the good root unless <paramref name="init"/> is false.</summary>
    private string Store(bool init = true)
    {
        string dir = Path.Combine(_repo.Work, "clients", Guid.NewGuid().ToString("N"));
        if (init)
        {
            Assert.Equal(0, ProcessRunner.Run(Client, "--metadata-dir", dir, "init", _repo.Root).ExitCode);
        }

        return dir;
    }

    private string Local(string name) => Path.Combine(_repo.Work, "www", "local", name);

    public static TheoryData<string> Cases() =>
    [
        "no arguments", "no subcommand", "unknown subcommand", "unknown option", "option without value", "init without root",
        "init with two roots", "init with missing root", "init with a directory as root", "init with garbage root",
        "init with unsigned root", "init with metadata dir a file", "refresh without url", "refresh without metadata dir",
        "refresh with a relative url", "refresh with a non-http url", "refresh before init", "refresh with a corrupted local root",
        "refresh 404", "refresh malformed json", "refresh wrong shape", "refresh over the size cap", "refresh unreachable",
        "download without target name", "download without target dir", "download with a bad base url", "download unknown target",
        "download target 404",
    ];

    private string[] Arguments(string name)
    {
        string good = _repo.Url("good");
        return name switch
        {
            "no arguments" => [],
            "no subcommand" => ["--metadata-dir", Store(false)],
            "unknown subcommand" => ["--metadata-dir", Store(), "frobnicate"],
            "unknown option" => ["--bogus", "x", "refresh"],
            "option without value" => ["--metadata-dir"],
            "init without root" => ["--metadata-dir", Store(false), "init"],
            "init with two roots" => ["--metadata-dir", Store(false), "init", _repo.Root, _repo.Root],
            "init with missing root" => ["--metadata-dir", Store(false), "init", Local("missing.json")],
            "init with a directory as root" => ["--metadata-dir", Store(false), "init", Path.Combine(_repo.Work, "www")],
            "init with garbage root" => ["--metadata-dir", Store(false), "init", Local("garbage-root.json")],
            "init with unsigned root" => ["--metadata-dir", Store(false), "init", Local("unsigned-root.json")],
            "init with metadata dir a file" => ["--metadata-dir", Local("a-file"), "init", _repo.Root],
            "refresh without url" => ["--metadata-dir", Store(), "refresh"],
            "refresh without metadata dir" => ["--metadata-url", good, "refresh"],
            "refresh with a relative url" => ["--metadata-url", "metadata/", "--metadata-dir", Store(), "refresh"],
            "refresh with a non-http url" => ["--metadata-url", "file:///etc/", "--metadata-dir", Store(), "refresh"],
            "refresh before init" => ["--metadata-url", good, "--metadata-dir", Store(false), "refresh"],
            "refresh with a corrupted local root" => ["--metadata-url", good, "--metadata-dir", CorruptedStore(), "refresh"],
            "refresh 404" => ["--metadata-url", _repo.Url("empty"), "--metadata-dir", Store(), "refresh"],
            "refresh malformed json" => ["--metadata-url", _repo.Url("garbage"), "--metadata-dir", Store(), "refresh"],
            "refresh wrong shape" => ["--metadata-url", _repo.Url("wrong"), "--metadata-dir", Store(), "refresh"],
            "refresh over the size cap" => ["--metadata-url", _repo.Url("huge"), "--metadata-dir", Store(), "refresh"],
            "refresh unreachable" => ["--metadata-url", "http://127.0.0.1:1/", "--metadata-dir", Store(), "refresh"],
            "download without target name" => Download(good, null, "x", good),
            "download without target dir" => ["--metadata-url", good, "--metadata-dir", Store(), "--target-name", "registry.example/app:v1",
                "--target-base-url", good, "download"],
            "download with a bad base url" => Download(good, "registry.example/app:v1", Path.Combine(_repo.Work, "out"), "not a url"),
            "download unknown target" => Download(good, "registry.example/nope:v1", Path.Combine(_repo.Work, "out"), good),
            "download target 404" => Download(good, "registry.example/app:v1", Path.Combine(_repo.Work, "out"), _repo.Url("empty")),
            _ => throw new ArgumentException(name),
        };
    }

    private string[] Download(string url, string? target, string targetDir, string baseUrl)
    {
        var args = new List<string> { "--metadata-url", url, "--metadata-dir", Store(), "--target-dir", targetDir, "--target-base-url", baseUrl };
        if (target is not null)
        {
            args.AddRange(["--target-name", target]);
        }

        args.Add("download");
        return [.. args];
    }

    private string CorruptedStore()
    {
        string dir = Store();
        File.WriteAllText(Path.Combine(dir, "root.json"), "{\"signed\":");
        return dir;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_exits_with_exactly_one_and_a_reason(string name)
    {
        var args = Arguments(name);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, stdout, stderr) = ProcessRunner.Run(Client, args);
        Assert.True(code == 1, $"{name}: exit {code}\n{stdout}\n{stderr}");
        // Refused for its own reason, not by the client's 60 s HTTP timeout (a wedged server would pass otherwise).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{name}: took {clock.Elapsed}\n{stderr}");
        Assert.StartsWith("hctr-tuf-client: ", stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void The_same_repository_and_server_succeed_with_good_input()
    {
        // The control: the failures above come from the one thing each case breaks.
        string good = _repo.Url("good");
        var refresh = ProcessRunner.Run(Client, "--metadata-url", good, "--metadata-dir", Store(), "refresh");
        Assert.True(refresh.ExitCode == 0, refresh.StdErr);
        var download = ProcessRunner.Run(Client, Download(good, "registry.example/app:v1", Path.Combine(_repo.Work, "ok"), _repo.Url("targets")));
        Assert.True(download.ExitCode == 0, download.StdErr);
        Assert.Equal("{}", File.ReadAllText(Path.Combine(_repo.Work, "ok", Uri.EscapeDataString("registry.example/app:v1"))));
    }
}
