using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hctr.Trust.Json;

namespace Hctr.Trust.Metadata;

/// <summary>Succinct hash-bin delegation (TAP 15): 2^bit_length bins named <c>{prefix}-{hex}</c>.</summary>
public sealed record SuccinctRoles(RoleKeys Keys, int BitLength, string NamePrefix)
{
    public int BinCount => 1 << BitLength;
    private int SuffixLength => (BinCount - 1).ToString("x", CultureInfo.InvariantCulture).Length;

    internal static SuccinctRoles FromJson(JsonObject obj, string what)
    {
        var keys = RoleKeys.FromJson(obj, what);
        long bits = JsonRead.Integer(obj, "bit_length", what);
        if (bits is < 1 or > 32) throw JsonRead.Malformed(what, "bit_length must be 1..32");
        if (bits > 30) throw JsonRead.Malformed(what, "bit_length above 30 is not supported");
        return new SuccinctRoles(keys, (int)bits, JsonRead.String(obj, "name_prefix", what));
    }

    internal JsonObject ToJson()
    {
        var obj = Keys.ToJson();
        obj["bit_length"] = BitLength;
        obj["name_prefix"] = NamePrefix;
        return obj;
    }

    public string BinName(int bin) => $"{NamePrefix}-{bin.ToString("x" + SuffixLength.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}";

    /// <summary>The bin whose number is the top <see cref="BitLength"/> bits of sha256(path).</summary>
    public string RoleForTarget(string targetPath)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(targetPath));
        uint top = BinaryPrimitives.ReadUInt32BigEndian(hash);
        return BinName((int)(top >> (32 - BitLength)));
    }

    public bool IsDelegatedRole(string roleName)
    {
        string prefix = NamePrefix + "-";
        if (!roleName.StartsWith(prefix, StringComparison.Ordinal)) return false;
        string suffix = roleName[prefix.Length..];
        return suffix.Length == SuffixLength
            && suffix.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c))
            && int.Parse(suffix, NumberStyles.HexNumber, CultureInfo.InvariantCulture) < BinCount;
    }
}
