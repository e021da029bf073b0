using System.Security.Cryptography;

namespace Hctr.Engine.Images.Registry;

/// <summary>sha256 digests in the <c>sha256:HEX</c> form; the only algorithm accepted.</summary>
public static class Digests
{
    public static bool IsValid(string digest) =>
        digest.Length == 71 && digest.StartsWith("sha256:", StringComparison.Ordinal)
        && digest.AsSpan(7).IndexOfAnyExcept("0123456789abcdef") < 0;

    public static string Of(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Hex(string digest) =>
        IsValid(digest) ? digest[7..] : throw new RegistryException(RegistryFailureReason.Protocol, $"invalid digest '{digest}'");
}
