namespace Hctr.Trust.Repository;

/// <summary>State of a root rotation: complete, or pending with what is still missing (e.g. "1 of 2").</summary>
public sealed record RootRotation(long Version, bool Complete, string? Missing);
