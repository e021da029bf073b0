namespace Hctr.Engine.Containers;

/// <summary>No host id range can be given to a user namespace: none is free, or the host's delegations cannot be read.</summary>
public sealed class IdRangeException(string message, string? hint = null) : Exception(message)
{
    /// <summary>What the user can change to fix it.</summary>
    public string? Hint { get; } = hint;
}
