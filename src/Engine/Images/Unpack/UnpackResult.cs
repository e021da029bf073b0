namespace Hctr.Engine.Images.Unpack;

/// <summary>What one layer unpack did, every entry it skipped or changed (with why), and the sha256 of the
/// uncompressed tar (the diff id the image config must list for this layer).</summary>
public sealed record UnpackResult(long Entries, long Bytes, IReadOnlyList<string> Warnings, string DiffId);
