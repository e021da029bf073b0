namespace Hctr.Policy.Loading;

/// <summary>The result of reading a profile: its canonical name and text, or why it could not be read.</summary>
public sealed record ProfileText(string Name, string? Text, string? Error)
{
    public static ProfileText Found(string name, string text) => new(name, text, null);

    public static ProfileText Missing(string name, string error) => new(name, null, error);
}
