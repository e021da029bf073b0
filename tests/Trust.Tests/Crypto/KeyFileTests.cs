using Hctr.Trust.Crypto;
using Xunit;

namespace Hctr.Trust.Tests.Crypto;

[Trait("Category", "Unit")]
public sealed class KeyFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-keys-").FullName;

    [Fact]
    public void PrivateKey_RoundTrips_IsMode0600_AndNeedsThePassphrase()
    {
        var key = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
        string path = Path.Combine(_dir, "k");
        KeyFile.WritePrivate(path, key, "correct horse", iterations: 10_000);

        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(key.KeyId, KeyFile.ReadPrivate(path, "correct horse").KeyId);
        Assert.Equal(key.Public, KeyFile.ReadPublic(path));
        var e = Assert.Throws<TrustVerificationException>(() => KeyFile.ReadPrivate(path, "wrong"));
        Assert.Equal(TrustFailureReason.LocalState, e.Reason);
        Assert.DoesNotContain("PRIVATE", File.ReadAllText(path));
    }

    [Fact]
    public void PublicKeyFile_RoundTrips()
    {
        var key = SigningKey.Generate(KeyAlgorithm.Ed25519);
        string path = Path.Combine(_dir, "k.pub");
        KeyFile.WritePublic(path, key.Public);
        Assert.Equal(key.Public, KeyFile.ReadPublic(path));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
