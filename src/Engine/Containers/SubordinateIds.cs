using System.Globalization;

namespace Hctr.Engine.Containers;

/// <summary>
/// Host id ranges delegated to users in <c>/etc/subuid</c> and <c>/etc/subgid</c> (shadow-utils' subordinate ids,
/// lines <c>NAME:START:COUNT</c>). A user who owns such a range can map it in their own user namespaces, so
/// they could own files of a container whose range overlaps it. A line hctr cannot read fails the allocation
/// (closed): the range it names is unknown.
/// </summary>
public static class SubordinateIds
{
    public const string SubuidPath = "/etc/subuid";
    public const string SubgidPath = "/etc/subgid";

    /// <summary>The ranges in <paramref name="path"/> as (start, count); none when the file does not exist.</summary>
    public static IReadOnlyList<(ulong Start, ulong Count)> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IdRangeException($"{path}: cannot read the delegated id ranges ({e.Message})");
        }

        var ranges = new List<(ulong, ulong)>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] f = line.Split(':');
            if (f.Length != 3 || f[0].Length == 0
                || !ulong.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong start)
                || !ulong.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out ulong count))
            {
                throw new IdRangeException(
                    $"{path}:{i + 1}: '{line}' is not NAME:START:COUNT, so the host ids it delegates are unknown",
                    $"fix or remove line {i + 1} of {path}");
            }

            ranges.Add((start, count));
        }

        return ranges;
    }
}
