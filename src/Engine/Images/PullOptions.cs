using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Unpack;

namespace Hctr.Engine.Images;

/// <summary>Per-pull choices.</summary>
public sealed record PullOptions
{
    public Platform Platform { get; init; } = Platform.Default;

    /// <summary>The profile the image is pulled to run under: trust checks the policy's profile grant before any
    /// config or layer byte is fetched. Null for a plain pull.</summary>
    public ProfileIdentity? Profile { get; init; }

    /// <summary>Unpack layers into the store's layer cache after download (what <c>run</c> needs).</summary>
    public bool Unpack { get; init; } = true;

    public UnpackOptions UnpackOptions { get; init; } = new();

    public int MaxParallelDownloads { get; init; } = 3;

    /// <summary>Configs larger than this are refused before download.</summary>
    public long MaxConfigBytes { get; init; } = 8 * 1024 * 1024;
}
