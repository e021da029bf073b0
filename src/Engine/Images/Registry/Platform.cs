namespace Hctr.Engine.Images.Registry;

/// <summary>An image platform, <c>os/architecture[/variant]</c>.</summary>
public sealed record Platform(string Os, string Architecture, string? Variant = null)
{
    public static Platform Default { get; } = new("linux", "amd64");

    public static bool TryParse(string text, out Platform? platform)
    {
        string[] parts = text.Split('/');
        platform = parts.Length is 2 or 3 && parts.All(p => p.Length > 0)
            ? new Platform(parts[0], parts[1], parts.Length == 3 ? parts[2] : null)
            : null;
        return platform is not null;
    }

    public bool Matches(Platform? other) =>
        other is not null && other.Os == Os && other.Architecture == Architecture
        && (Variant is null || Variant == other.Variant);

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
