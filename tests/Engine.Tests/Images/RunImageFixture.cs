using System.Text.Json.Nodes;
using Hctr.Engine.Images.Registry;
using Hctr.Trust.Tests.Simulator;

namespace Hctr.Engine.Tests.Images;

/// <summary>
/// What the <c>hctr run IMAGE</c> tests share: a real registry, images built here (busybox layer in gzip, a zstd
/// layer with an xattr) loaded and pushed with <c>hctr load</c>/<c>hctr push</c>, a TUF repository made and signed
/// with <c>hctr trust</c> served on 127.0.0.1, and a trust policy that grants profiles per image.
/// </summary>
public sealed class RunImageFixture : IDisposable
{
    public const string Passphrase = "e2e-passphrase";

    public RunImageFixture()
    {
        Registry = new RegistryFixture();
        Work = Directory.CreateTempSubdirectory("hctr-runimage-").FullName;
        if (HctrCli.Path is null) return;
        byte[] busyboxTar = BusyboxLayer();
        byte[] busybox = LayerBuilder.Gzip(busyboxTar);
        byte[] extraTar = new LayerBuilder().Dir("etc").File("etc/motd", "from a zstd layer\n")
            .FileWithXattrs("srv/tagged", "x", new Dictionary<string, string> { ["user.origin"] = "layer-pax" }).Tar();
        var app = TestImage.WithConfig(new JsonObject
        {
            ["Cmd"] = new JsonArray("/bin/sh", "-c", "echo uid=$(id -u) gid=$(id -g) cwd=$(pwd) greeting=$GREETING home=$HOME; cat /etc/motd"),
            ["Env"] = new JsonArray("GREETING=from-image", "PATH=/bin"),
            ["WorkingDir"] = "/srv",
            ["User"] = "app:staff",
            ["ExposedPorts"] = new JsonObject { ["8080/tcp"] = new JsonObject() },
        }, (busybox, busyboxTar, MediaTypes.OciLayerGzip), (LayerBuilder.Zstd(extraTar), extraTar, MediaTypes.OciLayerZstd));
        var echo = TestImage.WithConfig(new JsonObject
        {
            ["Entrypoint"] = new JsonArray("/bin/echo", "entry"),
            ["Cmd"] = new JsonArray("from-cmd"),
        }, (busybox, busyboxTar, MediaTypes.OciLayerGzip));
        var denied = TestImage.WithConfig(new JsonObject { ["Cmd"] = new JsonArray("/bin/true") }, (busybox, busyboxTar, MediaTypes.OciLayerGzip));

        string repo = Path.Combine(Work, "tuf");
        string keys = Directory.CreateDirectory(Path.Combine(Work, "keys")).FullName;
        foreach (string k in new[] { "root", "signer", "online" }) Hctr("trust", "key", "generate", "--type", "ed25519", "-o", Path.Combine(keys, k));
        Hctr("trust", "init", "--dir", repo, "--root-key", Path.Combine(keys, "root"), "--targets-key", Path.Combine(keys, "signer.pub"),
            "--snapshot-key", Path.Combine(keys, "online.pub"), "--timestamp-key", Path.Combine(keys, "online.pub"));
        foreach (var (name, image) in new[] { ("app", app), ("echo", echo), ("denied", denied) })
        {
            string reference = Ref(name);
            string layout = Path.Combine(Work, "layout-" + name);
            image.WriteLayout(layout, reference);
            Hctr("load", layout, "--root", PushStore);
            Hctr("push", reference, "--root", PushStore);
            string manifest = Path.Combine(Work, name + ".manifest.json");
            File.WriteAllBytes(manifest, image.Manifest);
            Hctr("trust", "sign", $"{reference}@{image.Digest}", "--manifest", manifest, "--key", Path.Combine(keys, "signer"), "--dir", repo);
            Images[name] = image;
        }
        Hctr("trust", "publish", "--dir", repo, "--snapshot-key", Path.Combine(keys, "online"), "--timestamp-key", Path.Combine(keys, "online"));
        Metadata = new StaticHttpServer(Path.Combine(repo, "public"));
        File.Copy(Path.Combine(repo, "public", "1.root.json"), Path.Combine(Work, "root.json"));
        string defaultDigest = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Profile("default"))));
        PolicyPath = Path.Combine(Work, "trust-policy.yaml");
        File.WriteAllText(PolicyPath, $"""
            version: 1
            default: refuse
            images:
              - pattern: "{Registry.Host}/e2e/denied"
                trust: {"{"}metadata-url: "{Metadata.BaseUrl}", root: root.json{"}"}
                profiles: [{"{"}name: web-strict{"}"}]
              - pattern: "{Registry.Host}/e2e/*"
                trust: {"{"}metadata-url: "{Metadata.BaseUrl}", root: root.json{"}"}
                profiles: [{"{"}name: default, digest: "{defaultDigest}"{"}"}]
            """);
    }

    public RegistryFixture Registry { get; }

    public string Work { get; }

    public string PushStore => Path.Combine(Work, "push-store");

    public string PolicyPath { get; } = "";

    internal StaticHttpServer? Metadata { get; }

    internal Dictionary<string, TestImage> Images { get; } = [];

    public string Ref(string name) => $"{Registry.Host}/e2e/{name}:1";

    public static string Profile(string name) => Path.Combine(HctrCli.RepoRoot, "profiles", name + ".yaml");

    public static readonly IReadOnlyDictionary<string, string> Env = new Dictionary<string, string> { ["HCTR_KEY_PASSPHRASE"] = Passphrase };

    public void Dispose()
    {
        Metadata?.Dispose();
        Registry.Dispose();
        Directory.Delete(Work, recursive: true);
    }

    private static void Hctr(params string[] args)
    {
        var r = HctrCli.Run(args, Env);
        if (r.ExitCode != 0) throw new InvalidOperationException($"hctr {string.Join(' ', args)}: exit {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
    }

    /// <summary>Debian's static busybox with the applets the tests use, an /etc/passwd with a named user and group.</summary>
    private static byte[] BusyboxLayer()
    {
        var b = new LayerBuilder().Dir("bin").Dir("etc").Dir("srv").Dir("tmp", (UnixFileMode)0x3FF).Dir("proc").Dir("dev").Dir("sys").Dir("home").Dir("home/app")
            .File("bin/busybox", File.ReadAllBytes("/bin/busybox"), (UnixFileMode)0x1ED)
            .File("etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n")
            .File("etc/group", "root:x:0:\napp:x:1000:\nstaff:x:50:app\n")
            .File("etc/motd", "from the base layer\n");
        foreach (string applet in new[] { "sh", "id", "cat", "echo", "pwd", "ls", "stat", "touch", "sleep", "true", "test", "grep", "env" })
            b.Symlink("bin/" + applet, "busybox");
        return b.Tar();
    }
}
