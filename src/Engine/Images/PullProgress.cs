namespace Hctr.Engine.Images;

/// <summary>A progress event: which blob (or the image digest), what phase, bytes done of total.</summary>
public sealed record PullProgress(string Digest, PullPhase Phase, long Current, long Total, string? Message = null);
