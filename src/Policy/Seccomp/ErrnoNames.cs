using System.Collections.Frozen;
using Hctr.Policy.Seccomp.Tables;

namespace Hctr.Policy.Seccomp;

/// <summary>Linux errno names ⇄ numbers, from the generated <see cref="ErrnoTable"/>.</summary>
internal static class ErrnoNames
{
    private static readonly FrozenDictionary<string, ushort> ByName =
        ErrnoTable.Entries.Concat(ErrnoTable.Aliases)
            .ToFrozenDictionary(e => e.Name, e => e.Number, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<ushort, string> ByNumber =
        ErrnoTable.Entries.GroupBy(e => e.Number).ToFrozenDictionary(g => g.Key, g => g.First().Name);

    public static bool TryGetNumber(string name, out ushort number) => ByName.TryGetValue(name, out number);

    public static bool TryGetName(ushort number, out string name) => ByNumber.TryGetValue(number, out name!);
}
