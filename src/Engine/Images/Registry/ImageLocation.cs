using Hctr.Trust.Images;

namespace Hctr.Engine.Images.Registry;

/// <summary>Where an image lives: the registry host (with port) and the repository path inside it.</summary>
public sealed record ImageLocation(string Host, string Repository)
{
    public static ImageLocation Of(ImageReference reference)
    {
        int slash = reference.Name.IndexOf('/');
        return new ImageLocation(reference.Name[..slash], reference.Name[(slash + 1)..]);
    }

    public override string ToString() => $"{Host}/{Repository}";
}
