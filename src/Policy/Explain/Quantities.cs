using System.Globalization;

namespace Hctr.Policy.Explain;

/// <summary>Byte counts the way profiles write them (64Mi, 1Gi), exact or in bytes.</summary>
internal static class Quantities
{
    public static string Bytes(ulong b)
    {
        foreach (var (suffix, size) in new[] { ("Ti", 1UL << 40), ("Gi", 1UL << 30), ("Mi", 1UL << 20), ("Ki", 1UL << 10) })
        {
            if (b >= size && b % size == 0)
            {
                return (b / size).ToString(CultureInfo.InvariantCulture) + suffix;
            }
        }

        return b.ToString(CultureInfo.InvariantCulture) + " bytes";
    }
}
