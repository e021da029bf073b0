using System.Collections.Frozen;
using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Seccomp.Tables;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// Syscall names and numbers per architecture, from the generated tables in
/// <c>Tables/</c> (regenerate with <c>scripts/gen-syscall-tables.py</c>). X32 numbers include
/// the 0x40000000 bit.
/// </summary>
public static class SyscallTable
{
    private sealed record ArchData(FrozenDictionary<string, int> ByName, FrozenDictionary<int, string> ByNumber, ImmutableArray<int> SortedNumbers,
        ImmutableArray<uint> UnsignedNumbers);

    private static readonly FrozenDictionary<SeccompArch, ArchData> Data = new Dictionary<SeccompArch, ArchData>
    {
        [SeccompArch.X86_64] = Build(SyscallTableX86_64.Entries),
        [SeccompArch.X86] = Build(SyscallTableX86.Entries),
        [SeccompArch.X32] = Build(SyscallTableX32.Entries),
        [SeccompArch.Aarch64] = Build(SyscallTableAarch64.Entries),
        [SeccompArch.Arm] = Build(SyscallTableArm.Entries),
    }.ToFrozenDictionary();

    /// <summary>Per name, its number on each architecture (indexed by <see cref="SeccompArch"/>), null where it has none.</summary>
    private static readonly FrozenDictionary<string, ImmutableArray<int?>> Everywhere = Data
        .SelectMany(d => d.Value.ByName.Keys)
        .Distinct(StringComparer.Ordinal)
        .ToFrozenDictionary(
            name => name,
            name => Enum.GetValues<SeccompArch>().Select(a => Data[a].ByName.TryGetValue(name, out var nr) ? nr : (int?)null).ToImmutableArray(),
            StringComparer.Ordinal);

    private static readonly ImmutableArray<string> AllNames =
        [.. Data.Values.SelectMany(d => d.ByName.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static ArchData Build(ImmutableArray<(string Name, int Number)> entries) => new(
        entries.ToFrozenDictionary(e => e.Name, e => e.Number, StringComparer.Ordinal),
        entries.GroupBy(e => e.Number).ToFrozenDictionary(g => g.Key, g => g.First().Name),
        [.. entries.Select(e => e.Number).Distinct().Order()],
        [.. entries.Select(e => unchecked((uint)e.Number)).Distinct().Order()]);

    private static ArchData For(SeccompArch arch) =>
        Data.TryGetValue(arch, out var data) ? data : throw new ArgumentOutOfRangeException(nameof(arch), arch, "unknown architecture");

    public static bool TryGetNumber(SeccompArch arch, string name, out int nr) => For(arch).ByName.TryGetValue(name, out nr);

    public static bool TryGetName(SeccompArch arch, int nr, out string name) => For(arch).ByNumber.TryGetValue(nr, out name!);

    public static IReadOnlyCollection<string> Names(SeccompArch arch) => For(arch).ByName.Keys;

    /// <summary>Whether <paramref name="nr"/> is a syscall hctr's table knows on this architecture.</summary>
    public static bool IsKnown(SeccompArch arch, int nr) => For(arch).ByNumber.ContainsKey(nr);

    /// <summary>All numbers the table knows on this architecture, ascending.</summary>
    internal static ImmutableArray<int> Numbers(SeccompArch arch) => For(arch).SortedNumbers;

    /// <summary>The same numbers as <see cref="Numbers"/>, as the unsigned values the filter compares, ascending as such.</summary>
    internal static ImmutableArray<uint> UnsignedNumbers(SeccompArch arch) => For(arch).UnsignedNumbers;

    /// <summary>
    /// The name's number on every architecture at once, indexed by <see cref="SeccompArch"/> (null where it has
    /// none); false when no architecture has it.
    /// </summary>
    internal static bool TryGetNumbers(string name, out ImmutableArray<int?> numbers) => Everywhere.TryGetValue(name, out numbers);

    /// <summary>Throws, as every lookup there does, when hctr has no table for <paramref name="arch"/>.</summary>
    internal static void RequireTable(SeccompArch arch) => _ = For(arch);

    /// <summary>Whether <paramref name="name"/> is a syscall on any supported architecture.</summary>
    public static bool IsKnownAnywhere(string name) => Everywhere.ContainsKey(name);

    /// <summary>The AUDIT_ARCH_* value the kernel puts in seccomp_data.arch.</summary>
    public static uint AuditArch(SeccompArch arch) => arch switch
    {
        SeccompArch.X86_64 or SeccompArch.X32 => 0xC000003E,
        SeccompArch.X86 => 0x40000003,
        SeccompArch.Aarch64 => 0xC00000B7,
        SeccompArch.Arm => 0x40000028,
        _ => throw new ArgumentOutOfRangeException(nameof(arch), arch, "unknown architecture"),
    };

    /// <summary>
    /// "Did you mean" for a name no architecture knows: the closest known name (over all
    /// architectures) by edit distance, or null when nothing is close.
    /// </summary>
    public static string? Suggest(string unknownName)
    {
        if (string.IsNullOrEmpty(unknownName))
            return null;
        var limit = Math.Max(1, Math.Min(3, unknownName.Length / 3));
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in AllNames)
        {
            if (Math.Abs(candidate.Length - unknownName.Length) > limit)
                continue;
            // Ties go to the candidate closest in length ("clone4" → "clone3", not "clone").
            var d = EditDistance.Compute(unknownName, candidate);
            if (d < bestDistance || (d == bestDistance && best is not null &&
                Math.Abs(candidate.Length - unknownName.Length) < Math.Abs(best.Length - unknownName.Length)))
                (best, bestDistance) = (candidate, d);
        }
        return bestDistance <= limit && best != unknownName ? best : null;
    }
}
