namespace Hctr.Engine.Images.Unpack;

/// <summary>What one layer unpack did, and every entry it skipped or changed (with why).</summary>
public sealed record UnpackResult(long Entries, long Bytes, IReadOnlyList<string> Warnings);
