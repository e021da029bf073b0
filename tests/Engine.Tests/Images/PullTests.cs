using System.Diagnostics;
using System.Text.Json.Nodes;
using Hctr.Engine.Images;
using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Rootfs;
using Hctr.Engine.Images.Store;
using Hctr.Engine.Images.Unpack;
using Hctr.Trust.Images;
using Xunit;

namespace Hctr.Engine.Tests.Images;

/// <summary>Pull, push and trust ordering against a real docker-registry; skopeo as a second opinion.</summary>
[Trait("Category", "E2E")]
public sealed class PullTests(RegistryFixture registry) : IClassFixture<RegistryFixture>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hctr-store-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ImageReference Ref(string repoTag) =>
        ImageReference.TryParse($"{registry.Host}/{repoTag}", out var r, out var error) ? r! : throw new ArgumentException(error);

    private static RegistryClient Client(HttpMessageHandler? handler = null, int chunk = 0) =>
        new(new RegistryOptions { UploadChunkBytes = chunk }, handler);

    private async Task<PullResult> PullAsync(string repoTag, IImageTrust? trust = null, PullOptions? options = null, HttpMessageHandler? handler = null)
    {
        using var client = Client(handler);
        return await new ImagePuller(client, new ContentStore(_root), trust ?? new TrustDouble(true)).PullAsync(Ref(repoTag), options ?? new PullOptions());
    }

    [Fact]
    public async Task Push_then_pull_round_trips_and_unpacks()
    {
        var image = TestImage.Create();
        using (var client = Client()) await image.PushAsync(client, ImageLocation.Of(Ref("team/web:1.0")), "1.0");
        var trust = new TrustDouble(true);
        var result = await PullAsync("team/web:1.0", trust);
        Assert.Equal(image.Digest, result.Record.Digest);
        Assert.True(registry.BlobRequests("team/web") >= 2, "the registry log shows blob requests (so counting it proves something)");
        Assert.Equal([(Ref("team/web:1.0").TargetName, image.Digest, (long)image.Manifest.Length)], trust.Calls);
        Assert.Equal(["/bin/hello", "--world"], result.Config.Argv(null));
        Assert.Equal(["/bin/sh", "-c", "id"], result.Config.Argv(["-c", "id"], entrypoint: "/bin/sh")); // docker's --entrypoint: Cmd is dropped too
        Assert.Equal(["/bin/sh"], result.Config.Argv(null, entrypoint: "/bin/sh"));
        Assert.Equal(["/bin/id"], result.Config.Argv(["/bin/id"], entrypoint: ""));
        Assert.Equal(["8080/tcp"], result.Config.ExposedPorts);
        var store = new ContentStore(_root);
        Assert.Equal("hello amd64", File.ReadAllText(Path.Combine(store.LayerPath(result.Manifest.Layers[0].Digest), "etc/hello")));
        var plan = await RootfsBuilder.PrepareAsync(store, result.Manifest, Path.Combine(_root, "c1"), RootfsKind.Copy, new UnpackOptions());
        Assert.Equal("hello amd64", File.ReadAllText(Path.Combine(plan.MergedDir, "etc/hello")));
        var overlay = await RootfsBuilder.PrepareAsync(store, result.Manifest, Path.Combine(_root, "c2"), RootfsKind.Overlay, new UnpackOptions());
        Assert.StartsWith("lowerdir=" + store.LayerPath(result.Manifest.Layers[0].Digest), overlay.OverlayOptions);
    }

    [Fact]
    public async Task Untrusted_image_is_refused_before_any_blob_request()
    {
        var image = TestImage.Create();
        using (var client = Client()) await image.PushAsync(client, ImageLocation.Of(Ref("team/unsigned:1")), "1");
        int before = registry.BlobRequests("team/unsigned");
        var counting = new CountingHandler();
        var e = await Assert.ThrowsAsync<RegistryException>(() => PullAsync("team/unsigned:1", new TrustDouble(false), handler: counting));
        Assert.Equal(RegistryFailureReason.Untrusted, e.Reason);
        Assert.Contains("unsigned image", e.Message);
        Assert.All(counting.Requests, r => Assert.Contains("/manifests/1", r));
        Assert.Single(counting.Requests);
        Assert.Equal(before, registry.BlobRequests("team/unsigned"));
        Assert.False(Directory.Exists(Path.Combine(_root, "images", "blobs")));
    }

    [Fact]
    public async Task Tampered_layer_is_discarded()
    {
        var image = TestImage.Create();
        using (var client = Client()) await image.PushAsync(client, ImageLocation.Of(Ref("team/tampered:1")), "1");
        string layerHex = Digests.Hex(Digests.Of(image.Layers[0]));
        string data = Path.Combine(registry.StorageDir, "data/docker/registry/v2/blobs/sha256", layerHex[..2], layerHex, "data");
        var bytes = File.ReadAllBytes(data);
        bytes[^5] ^= 0xff;
        File.WriteAllBytes(data, bytes);
        var e = await Assert.ThrowsAsync<RegistryException>(() => PullAsync("team/tampered:1"));
        Assert.Equal(RegistryFailureReason.DigestMismatch, e.Reason);
        var store = new ContentStore(_root);
        Assert.False(store.HasBlob(Digests.Of(image.Layers[0])));
        Assert.False(File.Exists(store.PartialPath(Digests.Of(image.Layers[0]))));
    }

    [Fact]
    public async Task Layer_whose_uncompressed_content_differs_from_the_config_diff_id_is_refused()
    {
        var layer = new LayerBuilder().File("x", "y").TarGz();
        var image = TestImage.Create("amd64", [Digests.Of("not the tar"u8)], [layer]);
        using (var client = Client()) await image.PushAsync(client, ImageLocation.Of(Ref("team/diffid:1")), "1");
        var e = await Assert.ThrowsAsync<RegistryException>(() => PullAsync("team/diffid:1"));
        Assert.Equal(RegistryFailureReason.DigestMismatch, e.Reason);
        Assert.Contains("the config says", e.Message);
        Assert.False(Directory.Exists(new ContentStore(_root).LayerPath(Digests.Of(layer))));
    }

    [Fact]
    public async Task Index_selects_the_requested_platform()
    {
        var amd = TestImage.Create("amd64");
        var arm = TestImage.Create("arm64");
        var location = ImageLocation.Of(Ref("team/multi:1"));
        using (var client = Client(chunk: 100))
        {
            await amd.PushAsync(client, location, "amd");
            await arm.PushAsync(client, location, "arm");
            var index = new JsonObject
            {
                ["schemaVersion"] = 2,
                ["mediaType"] = MediaTypes.OciIndex,
                ["manifests"] = new JsonArray(
                    new Descriptor(MediaTypes.OciManifest, amd.Digest, amd.Manifest.Length, new Platform("linux", "amd64")).ToJsonForTests(),
                    new Descriptor(MediaTypes.OciManifest, arm.Digest, arm.Manifest.Length, new Platform("linux", "arm64")).ToJsonForTests()),
            };
            await client.PutManifestAsync(location, "1", MediaTypes.OciIndex, System.Text.Encoding.UTF8.GetBytes(index.ToJsonString()));
        }
        var result = await PullAsync("team/multi:1", options: new PullOptions { Platform = new Platform("linux", "arm64") });
        Assert.Equal(arm.Digest, result.Record.ManifestDigest);
        Assert.Equal("arm64", result.Config.Architecture);
        var none = await Assert.ThrowsAsync<RegistryException>(() => PullAsync("team/multi:1", options: new PullOptions { Platform = new Platform("linux", "s390x") }));
        Assert.Equal(RegistryFailureReason.NoMatchingPlatform, none.Reason);
    }

    [Fact]
    public async Task Interrupted_download_resumes_with_range()
    {
        var layer = new LayerBuilder().File("big", new byte[3 << 20].Select((_, i) => (byte)(i * 7919 >> 3)).ToArray()).TarGz();
        var image = TestImage.Create("amd64", layer);
        using (var client = Client()) await image.PushAsync(client, ImageLocation.Of(Ref("team/resume:1")), "1");
        var store = new ContentStore(_root);
        string digest = Digests.Of(layer);
        Directory.CreateDirectory(Path.GetDirectoryName(store.PartialPath(digest))!);
        File.WriteAllBytes(store.PartialPath(digest), layer[..(layer.Length / 2)]);
        var counting = new CountingHandler();
        await PullAsync("team/resume:1", handler: counting);
        Assert.Contains(counting.Requests, r => r.Contains($"blobs/{digest}") && r.Contains($"bytes={layer.Length / 2}-"));
        Assert.True(store.HasBlob(digest));
    }

    [Fact]
    public async Task Eight_parallel_pulls_of_the_same_image()
    {
        var layers = Enumerable.Range(0, 4).Select(i => new LayerBuilder().File($"f{i}", new string((char)('a' + i), 200_000)).TarGz()).ToArray();
        var image = TestImage.Create("amd64", layers);
        using (var client = Client()) await image.PushAsync(client, ImageLocation.Of(Ref("team/parallel:1")), "1");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PullAsync("team/parallel:1"))));
        Assert.All(results, r => Assert.Equal(image.Digest, r.Record.Digest));
        var store = new ContentStore(_root);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(store.Root, "blobs", "sha256")).Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(store.Root, "ingest")));
        Assert.Equal(4, Directory.GetDirectories(Path.Combine(store.Root, "layers")).Length);
        Assert.Single(store.Refs.List());
    }

    [Fact]
    public async Task Skopeo_pushed_image_pulls_and_hctr_push_reads_back_in_skopeo()
    {
        var image = TestImage.Create();
        string layout = Path.Combine(_root, "layout");
        image.WriteLayout(layout, "v1");
        Run("skopeo", "copy", "--dest-tls-verify=false", $"oci:{layout}:v1", $"docker://{registry.Host}/second/opinion:v1");
        var result = await PullAsync("second/opinion:v1");
        Assert.Equal("hello amd64", File.ReadAllText(Path.Combine(new ContentStore(_root).LayerPath(result.Manifest.Layers[0].Digest), "etc/hello")));

        using (var client = Client())
        {
            await new ImagePusher(client, new ContentStore(_root)).PushAsync(Ref("second/opinion:v1"), Ref("second/copy:v2"), mountFrom: "second/opinion");
        }
        string inspect = Run("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{registry.Host}/second/copy:v2");
        Assert.Equal(Digests.Of(System.Text.Encoding.UTF8.GetBytes(inspect)), result.Record.Digest);
    }

    [Fact]
    public async Task Gc_removes_unreferenced_blobs_only()
    {
        var image = TestImage.Create();
        using (var client = Client()) await image.PushAsync(client, ImageLocation.Of(Ref("team/gc:1")), "1");
        await PullAsync("team/gc:1");
        var store = new ContentStore(_root);
        await store.PutBlobAsync(Digests.Of("orphan"u8), "orphan"u8.ToArray(), default);
        var gc = await GarbageCollector.CollectAsync(store);
        Assert.Equal(1, gc.BlobsRemoved);
        Assert.True(store.HasBlob(image.Digest));
        await store.Refs.RemoveAsync(Ref("team/gc:1").TargetName, default);
        gc = await GarbageCollector.CollectAsync(store);
        Assert.Equal(3, gc.BlobsRemoved);
        Assert.Equal(1, gc.LayersRemoved);
    }

    [Fact]
    public async Task Gc_keeps_the_layers_a_running_container_uses()
    {
        var image = TestImage.Create();
        using (var client = Client()) await image.PushAsync(client, ImageLocation.Of(Ref("team/inuse:1")), "1");
        await PullAsync("team/inuse:1");
        var store = new ContentStore(_root);
        var layers = Directory.GetDirectories(Path.Combine(store.Root, "layers"));
        Assert.Single(layers);
        string layerDigest = "sha256:" + Path.GetFileName(layers[0]);
        await store.Refs.RemoveAsync(Ref("team/inuse:1").TargetName, default);
        using (await store.HoldInUseAsync([layerDigest], default))
        {
            var kept = await GarbageCollector.CollectAsync(store);
            Assert.Equal(0, kept.LayersRemoved);
            Assert.Equal(1, kept.KeptInUse);
            Assert.True(Directory.Exists(layers[0]));
            Assert.True(store.HasBlob(layerDigest));
        }

        var after = await GarbageCollector.CollectAsync(store);
        Assert.Equal(1, after.LayersRemoved);
        Assert.Equal(0, after.KeptInUse);
        Assert.False(Directory.Exists(layers[0]));
        Assert.False(File.Exists(store.UseLockPath(layerDigest)));
    }

    private static string Run(string file, params string[] args)
    {
        var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string stdout = p.StandardOutput.ReadToEnd();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} {string.Join(' ', args)}: {stderr}");
        return stdout;
    }
}
