namespace Hctr.Policy.Loading;

/// <summary>
/// Where profile text comes from. Policy does no I/O: the caller supplies files (Engine's
/// FileProfileSource), git revisions, or memory (tests).
/// </summary>
public interface IProfileSource
{
    /// <summary>
    /// Resolves <paramref name="reference"/> (as written in <c>extends:</c>, relative to <paramref name="from"/>,
    /// or a top-level name when <paramref name="from"/> is null) and reads it.
    /// </summary>
    ProfileText Read(string reference, string? from);
}
