namespace Hctr.Engine.Images.Registry;

/// <summary>How to reach registries: TLS trust, which hosts may use plain HTTP, credentials and caps.</summary>
public sealed record RegistryOptions
{
    /// <summary>Hosts (<c>host</c> or <c>host:port</c>) reached over plain HTTP. Loopback is insecure by default.</summary>
    public IReadOnlyList<string> InsecureHosts { get; init; } = ["localhost", "127.0.0.1", "[::1]", "::1"];

    /// <summary>A PEM bundle of extra CA certificates to trust for registry TLS (in addition to the system's).</summary>
    public string? CaCertificatesPem { get; init; }

    public RegistryCredentials Credentials { get; init; } = RegistryCredentials.None;

    /// <summary>Manifests and indexes larger than this are refused (the distribution spec suggests 4 MiB).</summary>
    public long MaxManifestBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Token-endpoint responses larger than this are refused.</summary>
    public long MaxTokenBytes { get; init; } = 256 * 1024;

    /// <summary>Chunk size for chunked uploads; 0 means monolithic.</summary>
    public int UploadChunkBytes { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    public bool IsInsecure(string host)
    {
        string bare = host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)] : host.Split(':')[0];
        return InsecureHosts.Contains(host, StringComparer.OrdinalIgnoreCase) || InsecureHosts.Contains(bare, StringComparer.OrdinalIgnoreCase);
    }
}
