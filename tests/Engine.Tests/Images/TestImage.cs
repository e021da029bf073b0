using System.Text;
using System.Text.Json.Nodes;
using Hctr.Engine.Images.Registry;

namespace Hctr.Engine.Tests.Images;

/// <summary>An image built in memory: gzip layers, a config, a manifest; pushable with hctr or written as an OCI layout for skopeo.</summary>
internal sealed record TestImage(byte[] Config, IReadOnlyList<byte[]> Layers, byte[] Manifest, string Architecture)
{
    public string Digest => Digests.Of(Manifest);

    public static TestImage Create(string architecture = "amd64", params byte[][] layers)
    {
        if (layers.Length == 0) layers = [new LayerBuilder().Dir("etc").File("etc/hello", "hello " + architecture).TarGz()];
        return Create(architecture, layers.Select(l => Digests.Of(Gunzip(l))).ToArray(), layers);
    }

    private static byte[] Gunzip(byte[] gz)
    {
        using var output = new MemoryStream();
        using (var g = new System.IO.Compression.GZipStream(new MemoryStream(gz), System.IO.Compression.CompressionMode.Decompress)) g.CopyTo(output);
        return output.ToArray();
    }

    public static TestImage Create(string architecture, string[] diffIds, byte[][] layers)
    {
        var config = new JsonObject
        {
            ["architecture"] = architecture,
            ["os"] = "linux",
            ["config"] = new JsonObject
            {
                ["Entrypoint"] = new JsonArray("/bin/hello"),
                ["Cmd"] = new JsonArray("--world"),
                ["Env"] = new JsonArray("PATH=/bin"),
                ["WorkingDir"] = "/srv",
                ["User"] = "1000:1000",
                ["ExposedPorts"] = new JsonObject { ["8080/tcp"] = new JsonObject() },
            },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(diffIds.Select(d => (JsonNode)d).ToArray()) },
        };
        byte[] configBytes = Encoding.UTF8.GetBytes(config.ToJsonString());
        var manifest = new ImageManifest(MediaTypes.OciManifest,
            new Descriptor(MediaTypes.OciConfig, Digests.Of(configBytes), configBytes.Length),
            layers.Select(l => new Descriptor(MediaTypes.OciLayerGzip, Digests.Of(l), l.Length)).ToList());
        return new TestImage(configBytes, layers, manifest.ToJsonBytes(), architecture);
    }

    /// <summary>An image with the given <c>config</c> section and layers already compressed as their media type says.</summary>
    public static TestImage WithConfig(JsonObject runConfig, params (byte[] Blob, byte[] Tar, string MediaType)[] layers)
    {
        var config = new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = runConfig,
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(layers.Select(l => (JsonNode)Digests.Of(l.Tar)).ToArray()) },
        };
        byte[] configBytes = Encoding.UTF8.GetBytes(config.ToJsonString());
        var manifest = new ImageManifest(MediaTypes.OciManifest,
            new Descriptor(MediaTypes.OciConfig, Digests.Of(configBytes), configBytes.Length),
            layers.Select(l => new Descriptor(l.MediaType, Digests.Of(l.Blob), l.Blob.Length)).ToList());
        return new TestImage(configBytes, layers.Select(l => l.Blob).ToList(), manifest.ToJsonBytes(), "amd64");
    }

    public async Task PushAsync(RegistryClient client, ImageLocation location, string tag)
    {
        foreach (var blob in Layers.Prepend(Config))
        {
            await client.PushBlobAsync(location, Digests.Of(blob), blob.Length, () => new MemoryStream(blob));
        }
        await client.PutManifestAsync(location, tag, MediaTypes.OciManifest, Manifest);
    }

    /// <summary>Writes an OCI image layout (what skopeo's <c>oci:DIR:TAG</c> reads).</summary>
    public void WriteLayout(string dir, string tag)
    {
        string blobs = Directory.CreateDirectory(Path.Combine(dir, "blobs", "sha256")).FullName;
        foreach (var blob in Layers.Append(Config).Append(Manifest)) File.WriteAllBytes(Path.Combine(blobs, Digests.Hex(Digests.Of(blob))), blob);
        File.WriteAllText(Path.Combine(dir, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new JsonArray(new JsonObject
            {
                ["mediaType"] = MediaTypes.OciManifest,
                ["digest"] = Digest,
                ["size"] = Manifest.Length,
                ["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = tag },
            }),
        };
        File.WriteAllText(Path.Combine(dir, "index.json"), index.ToJsonString());
    }
}
