namespace Hctr.Trust.Policies;

/// <summary>A security profile an image may run under: its name and, when pinned, its content digest.</summary>
public sealed record ProfileGrant(string Name, string? Digest);
