namespace Hctr.Engine.Images.Store;

/// <summary>A tag in the local store: the digest that was resolved and trusted, and the platform manifest used.</summary>
public sealed record ImageRecord(string Reference, string Digest, string ManifestDigest, long Size);
