using Hctr.Policy.Loading;

namespace Hctr.Engine.Profiles;

/// <summary>
/// A <see cref="FileProfileSource"/> that remembers every file it served and the sha256 of the exact text it
/// returned: the dependencies of one compile (the profile and its whole <c>extends:</c> chain).
/// </summary>
internal sealed class RecordingProfileSource(string workingDirectory) : IProfileSource
{
    private readonly FileProfileSource _inner = new(workingDirectory);
    private readonly List<PlanCacheDependency> _read = [];

    public IReadOnlyList<PlanCacheDependency> Read => _read;

    /// <summary>True when every file was found (a missing one is a compile error, never cached).</summary>
    public bool AllFound { get; private set; } = true;

    ProfileText IProfileSource.Read(string reference, string? from)
    {
        var text = _inner.Read(reference, from);
        if (text.Text is { } t)
        {
            _read.Add(new PlanCacheDependency(_inner.FullPath(reference, from), PlanCacheHash.OfText(t)));
        }
        else
        {
            AllFound = false;
        }

        return text;
    }
}
