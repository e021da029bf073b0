using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Hctr.Policy.Seccomp;

/// <summary>Turns named rules into per-architecture tables keyed by syscall number.</summary>
public static class RuleResolver
{
    /// <summary>
    /// Resolves <paramref name="set"/> for each of its architectures (duplicates ignored, order
    /// kept). A name the architecture does not have is skipped there and reported in
    /// <paramref name="notOnArch"/> as <c>"arch_prctl on aarch64"</c> (sorted, each once).
    /// Per number, rules keep the precedence order of <see cref="SeccompRuleSet.Rules"/>.
    /// </summary>
    public static ImmutableArray<ArchRuleTable> Resolve(SeccompRuleSet set, out ImmutableArray<string> notOnArch)
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var tables = Resolve(set, missing);
        notOnArch = [.. missing];
        return tables;
    }

    /// <summary>The same tables as <see cref="Resolve(SeccompRuleSet, out ImmutableArray{string})"/>, without the list of skipped names.</summary>
    public static ImmutableArray<ArchRuleTable> Resolve(SeccompRuleSet set) => Resolve(set, missing: null);

    private static ImmutableArray<ArchRuleTable> Resolve(SeccompRuleSet set, SortedSet<string>? missing)
    {
        var tables = ImmutableArray.CreateBuilder<ArchRuleTable>();
        foreach (var arch in (set.Architectures.IsDefault ? [] : set.Architectures).Distinct())
        {
            var numbers = SyscallTable.NumbersByName(arch);
            // Inserted in first-seen order, so the frozen table enumerates as it always has.
            var byNumber = new Dictionary<int, ImmutableArray<SyscallRule>>();
            foreach (var rule in set.Rules.IsDefault ? [] : set.Rules)
            {
                if (rule.Syscalls.IsDefault)
                    continue;
                var syscallRule = new SyscallRule(rule.Conditions.IsDefault ? [] : rule.Conditions, rule.Action, rule.Origin);
                foreach (var name in DistinctNames(rule.Syscalls))
                {
                    if (!numbers.TryGetValue(name, out var nr))
                    {
                        missing?.Add($"{name} on {SeccompArchNames.ToName(arch)}");
                        continue;
                    }
                    ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(byNumber, nr, out var exists);
                    list = exists ? list.Add(syscallRule) : [syscallRule];
                }
            }
            tables.Add(new ArchRuleTable(arch, byNumber.ToFrozenDictionary(), set.DefaultAction, set.UnknownAction));
        }
        return tables.ToImmutable();
    }

    /// <summary>
    /// The names without repeats, first occurrence kept. Group expansion hands over sorted, unique names,
    /// which need no set: one pass confirms it.
    /// </summary>
    private static ImmutableArray<string> DistinctNames(ImmutableArray<string> names)
    {
        for (var i = 1; i < names.Length; i++)
        {
            if (string.CompareOrdinal(names[i - 1], names[i]) >= 0)
                return [.. names.Distinct(StringComparer.Ordinal)];
        }
        return names;
    }
}
