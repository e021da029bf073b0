using Hctr.Policy.Loading;

namespace Hctr.Policy.Import;

/// <summary>Serves the one generated profile text to <see cref="ProfileLoader"/> for the importer's self-check.</summary>
internal sealed class GeneratedProfileSource(string name, string text) : IProfileSource
{
    public ProfileText Read(string reference, string? from) =>
        reference == name && from is null ? ProfileText.Found(name, text) : ProfileText.Missing(reference, "an imported profile has no extends");
}
