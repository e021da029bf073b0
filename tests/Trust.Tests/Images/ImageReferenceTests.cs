using Hctr.Trust.Images;
using Xunit;

namespace Hctr.Trust.Tests.Images;

[Trait("Category", "Unit")]
public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("registry.example:5000/team/app:v1", "registry.example:5000/team/app", "v1", null)]
    [InlineData("r.example/app:1.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "r.example/app", "1.2", "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Parses(string text, string name, string tag, string? digest)
    {
        Assert.True(ImageReference.TryParse(text, out var reference, out _));
        Assert.Equal(new ImageReference(name, tag, digest), reference);
    }

    [Theory]
    [InlineData("app:v1")]
    [InlineData("registry.example:5000/app")]
    [InlineData("r.example/app:v1@sha256:XYZ")]
    [InlineData("r.example/app:")]
    public void Refuses(string text) => Assert.False(ImageReference.TryParse(text, out _, out _));
}
