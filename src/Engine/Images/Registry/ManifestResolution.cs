namespace Hctr.Engine.Images.Registry;

/// <summary>What a tag points to right now: the manifest (or index) digest, its media type and size.</summary>
public sealed record ManifestResolution(string Digest, string MediaType, long Size);
