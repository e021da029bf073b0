using Hctr.Engine.Images;
using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;
using Xunit;

namespace Hctr.Engine.Tests.Images;

/// <summary>USER resolution through the image's own /etc/passwd and /etc/group, read from the layer cache.</summary>
[Trait("Category", "Unit")]
public sealed class ImageUserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hctr-user-").FullName;
    private readonly ContentStore _store;
    private readonly List<Descriptor> _layers = [];

    public ImageUserTests() => _store = new ContentStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Adds a layer (bottom first) as the layer cache holds it: a directory under layers/.</summary>
    private string Layer(params (string Path, string? Content)[] files)
    {
        string digest = Digests.Of(System.Text.Encoding.UTF8.GetBytes($"layer {_layers.Count}"));
        string dir = Directory.CreateDirectory(_store.LayerPath(digest)).FullName;
        foreach (var (path, content) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, path))!);
            if (content is not null) File.WriteAllText(Path.Combine(dir, path), content);
        }
        _layers.Add(new Descriptor(MediaTypes.OciLayerGzip, digest, 1));
        return dir;
    }

    private ImageUser? Resolve(string spec, out string? error) =>
        ImageUser.TryResolve(spec, _store, new ImageManifest(MediaTypes.OciManifest, new Descriptor(MediaTypes.OciConfig, Digests.Of("c"u8), 1), _layers), out error);

    [Theory]
    [InlineData("", 0u, 0u, null)]
    [InlineData("0", 0u, 0u, "/root")]
    [InlineData("app", 1000u, 1001u, "/home/app")]
    [InlineData("app:staff", 1000u, 50u, "/home/app")]
    [InlineData("1000:50", 1000u, 50u, "/home/app")]
    [InlineData("1000", 1000u, 1001u, "/home/app")]
    [InlineData("4242", 4242u, 0u, null)]
    [InlineData("4242:staff", 4242u, 50u, null)]
    public void Numeric_and_named_users_resolve_like_docker(string spec, uint uid, uint gid, string? home)
    {
        Layer(("etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1001::/home/app:/bin/sh\n"), ("etc/group", "root:x:0:\nstaff:x:50:\n"));
        var user = Resolve(spec, out string? error);
        Assert.Null(error);
        Assert.Equal(new ImageUser(uid, gid, home), user);
    }

    [Theory]
    [InlineData("nobody-here", "is not in the image's /etc/passwd")]
    [InlineData("app:wheel", "is not in the image's /etc/group")]
    [InlineData(":50", "is not USER[:GROUP]")]
    [InlineData("app:", "is not USER[:GROUP]")]
    public void Unknown_names_and_malformed_specs_are_errors(string spec, string message)
    {
        Layer(("etc/passwd", "app:x:1000:1001::/home/app:/bin/sh\n"), ("etc/group", "staff:x:50:\n"));
        Assert.Null(Resolve(spec, out string? error));
        Assert.Contains(message, error);
    }

    [Fact]
    public void The_top_layer_wins_and_a_whiteout_hides_the_file()
    {
        Layer(("etc/passwd", "app:x:1:1::/:/bin/sh\n"));
        Layer(("etc/passwd", "app:x:2:2::/:/bin/sh\n"));
        Assert.Equal(2u, Resolve("app", out _)!.Uid);
        string top = Layer(("etc/x", null));
        using (var p = System.Diagnostics.Process.Start("mknod", [Path.Combine(top, "etc/passwd"), "c", "0", "0"])!) p.WaitForExit();
        Assert.Null(Resolve("app", out string? error));
        Assert.Contains("not in the image's /etc/passwd", error);
    }

    [Fact]
    public void A_symlinked_passwd_pointing_at_a_host_path_resolves_inside_the_layer()
    {
        string host = Path.Combine(_root, "host-passwd");
        File.WriteAllText(host, "evil:x:0:0::/:/bin/sh\n");
        string dir = Layer(("etc/placeholder", "x"));
        File.CreateSymbolicLink(Path.Combine(dir, "etc/passwd"), host); // absolute: on the host it would reach the file above
        Assert.Null(Resolve("evil", out string? error));
        Assert.Contains("not in the image's /etc/passwd", error);
    }
}
