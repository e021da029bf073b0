using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;

namespace Hctr.Engine.Images;

/// <summary>A pulled image: the stored record, its manifest and config, and the trust decision that let it in.</summary>
public sealed record PullResult(ImageRecord Record, ImageManifest Manifest, ImageConfig Config, TrustDecision Trust,
    IReadOnlyList<string> Warnings);
