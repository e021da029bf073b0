using System.Formats.Tar;
using System.Text;

namespace Hctr.Engine.Images.Unpack;

/// <summary>
/// Which extended attributes from a layer's PAX records (<c>SCHILY.xattr.NAME</c>, as docker, buildkit and GNU tar
/// write them) are restored: <c>user.*</c> always; <c>security.capability</c> only when
/// <see cref="UnpackOptions.AllowFileCapabilities"/>; everything else (notably <c>trusted.overlay.*</c>, which would
/// forge overlayfs whiteouts and redirects in the layer cache, and <c>security.selinux</c>/<c>security.ima</c>) is
/// dropped and counted. System.Formats.Tar decodes PAX values as UTF-8; a binary value that did not survive that
/// (a U+FFFD appears) is dropped rather than written wrong.
/// </summary>
internal static class XattrFilter
{
    private const string Prefix = "SCHILY.xattr.";
    private const int MaxValueBytes = 64 * 1024;

    public static IEnumerable<(string Name, byte[] Value)> Select(TarEntry entry, UnpackOptions options, Dictionary<string, int> dropped)
    {
        if (entry is not PaxTarEntry pax) yield break;
        foreach (var (key, text) in pax.ExtendedAttributes)
        {
            if (!key.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            string name = key[Prefix.Length..];
            bool allowed = name.StartsWith("user.", StringComparison.Ordinal)
                || (name == "security.capability" && options.AllowFileCapabilities);
            if (!allowed || name.Length > 255)
            {
                Count(dropped, name.StartsWith("security.capability", StringComparison.Ordinal) ? "security.capability (file capabilities not allowed)" : Namespace(name));
                continue;
            }
            if (text.Contains('\uFFFD'))
            {
                Count(dropped, $"{name} (binary value not representable)");
                continue;
            }
            byte[] value = Encoding.UTF8.GetBytes(text);
            if (value.Length > MaxValueBytes)
            {
                Count(dropped, $"{name} (over {MaxValueBytes} bytes)");
                continue;
            }
            yield return (name, value);
        }
    }

    private static string Namespace(string name)
    {
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        return (dot < 0 ? name : name[..dot]) + ".*";
    }

    private static void Count(Dictionary<string, int> dropped, string what) =>
        dropped[what] = dropped.TryGetValue(what, out int n) ? n + 1 : 1;
}
