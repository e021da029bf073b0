using Hctr.Engine.Images;
using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;
using Hctr.Trust.Images;
using Xunit;

namespace Hctr.Engine.Tests.Images;

/// <summary><c>hctr load</c> / <c>hctr save</c>: OCI layouts as directories and tars, every blob checked against its name.</summary>
[Trait("Category", "Unit")]
public sealed class OciLayoutTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-layout-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Load_directory_save_tar_load_tar_round_trips()
    {
        var image = TestImage.Create();
        string layout = Path.Combine(_dir, "layout");
        image.WriteLayout(layout, "reg.example/team/web:1");
        var first = new ContentStore(Path.Combine(_dir, "a"));
        var loaded = await OciLayout.LoadAsync(first, layout, Platform.Default);
        Assert.Equal(image.Digest, Assert.Single(loaded).Digest);

        Assert.True(ImageReference.TryParse("reg.example/team/web:1", out var reference, out _));
        string tar = Path.Combine(_dir, "image.tar");
        await OciLayout.SaveAsync(first, reference!, tar);
        var second = new ContentStore(Path.Combine(_dir, "b"));
        var again = await OciLayout.LoadAsync(second, tar, Platform.Default);
        Assert.Equal(image.Digest, Assert.Single(again).Digest);
        Assert.True(second.HasBlob(Digests.Of(image.Layers[0])));
    }

    [Fact]
    public async Task Blob_that_does_not_hash_to_its_name_is_refused()
    {
        var image = TestImage.Create();
        string layout = Path.Combine(_dir, "layout");
        image.WriteLayout(layout, "reg.example/team/web:1");
        File.WriteAllText(Path.Combine(layout, "blobs", "sha256", Digests.Hex(Digests.Of(image.Layers[0]))), "tampered");
        var store = new ContentStore(Path.Combine(_dir, "a"));
        var e = await Assert.ThrowsAsync<RegistryException>(() => OciLayout.LoadAsync(store, layout, Platform.Default));
        Assert.Equal(RegistryFailureReason.DigestMismatch, e.Reason);
        Assert.False(store.HasBlob(Digests.Of(image.Layers[0])));
        Assert.Empty(store.Refs.List());
    }
}
