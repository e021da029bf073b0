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
        var arches = (set.Architectures.IsDefault ? [] : set.Architectures).Distinct().ToArray();
        var rules = set.Rules.IsDefault ? [] : set.Rules;
        if (rules.Any(r => !r.Syscalls.IsDefaultOrEmpty))
        {
            foreach (var arch in arches)
            {
                SyscallTable.RequireTable(arch); // refused here, as the first lookup there would be
            }
        }

        // One table per architecture, filled in rule order and, per rule, name order, so each frozen table
        // enumerates as it always has. Each name is looked up once for all architectures.
        var names = rules.Sum(r => r.Syscalls.IsDefault ? 0 : r.Syscalls.Length);
        var byNumber = arches.Select(_ => new Dictionary<int, ImmutableArray<SyscallRule>>(names)).ToArray();
        foreach (var rule in rules)
        {
            if (rule.Syscalls.IsDefault)
                continue;
            ImmutableArray<SyscallRule> alone = [new SyscallRule(rule.Conditions.IsDefault ? [] : rule.Conditions, rule.Action, rule.Origin)];
            foreach (var name in DistinctNames(rule.Syscalls))
            {
                var known = SyscallTable.TryGetNumbers(name, out var numbers);
                for (var a = 0; a < arches.Length; a++)
                {
                    if (!known || numbers[(int)arches[a]] is not { } nr)
                    {
                        missing?.Add($"{name} on {SeccompArchNames.ToName(arches[a])}");
                        continue;
                    }

                    // A number's first rule shares this rule's one-element list; a later rule makes it a new list.
                    ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(byNumber[a], nr, out var exists);
                    list = exists ? list.Add(alone[0]) : alone;
                }
            }
        }

        var tables = ImmutableArray.CreateBuilder<ArchRuleTable>(arches.Length);
        for (var a = 0; a < arches.Length; a++)
            tables.Add(new ArchRuleTable(arches[a], byNumber[a].ToFrozenDictionary(), set.DefaultAction, set.UnknownAction));
        return tables.MoveToImmutable();
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
