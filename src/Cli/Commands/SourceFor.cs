using Hctr.Engine.Profiles;
using Hctr.Policy.Loading;

namespace Hctr.Cli.Commands;

/// <summary>Chooses the profile source for a command-line reference: <c>git:REV:path</c> reads a revision, anything else the file system.</summary>
internal static class SourceFor
{
    public static IProfileSource Reference(string reference) =>
        GitProfileSource.TryParse(reference, out var rev, out _) ? new GitProfileSource(rev) : new FileProfileSource();

    /// <summary>The name to load: the path part of a git reference, or the reference itself.</summary>
    public static string Path(string reference) => GitProfileSource.TryParse(reference, out _, out var path) ? path : reference;
}
