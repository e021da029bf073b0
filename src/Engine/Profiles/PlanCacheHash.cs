using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace Hctr.Engine.Profiles;

/// <summary>
/// SHA-256 for cache keys. BouncyCastle's managed digest rather than System.Security.Cryptography: the latter
/// loads and initialises OpenSSL on first use, which costs a launch more than all its hashing (measured in
/// bench/start-latency.sh); the inputs are a few kilobytes.
/// </summary>
internal static class PlanCacheHash
{
    public static string OfText(string text) => Of(Encoding.UTF8.GetBytes(text));

    public static string Of(ReadOnlySpan<byte> data)
    {
        var d = new Sha256Digest();
        d.BlockUpdate(data);
        Span<byte> hash = stackalloc byte[32];
        d.DoFinal(hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The hash of several fields, each length-prefixed so that no two field lists share an encoding.</summary>
    public static string OfFields(params ReadOnlySpan<string> fields)
    {
        var sb = new StringBuilder();
        foreach (var f in fields)
        {
            sb.Append(f.Length).Append(':').Append(f).Append(';');
        }

        return OfText(sb.ToString());
    }
}
