using System.Collections.Frozen;
using System.Collections.Immutable;

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
        var tables = ImmutableArray.CreateBuilder<ArchRuleTable>();
        foreach (var arch in (set.Architectures.IsDefault ? [] : set.Architectures).Distinct())
        {
            var byNumber = new Dictionary<int, ImmutableArray<SyscallRule>.Builder>();
            foreach (var rule in set.Rules.IsDefault ? [] : set.Rules)
            {
                if (rule.Syscalls.IsDefault)
                    continue;
                var syscallRule = new SyscallRule(rule.Conditions.IsDefault ? [] : rule.Conditions, rule.Action, rule.Origin);
                foreach (var name in rule.Syscalls.Distinct(StringComparer.Ordinal))
                {
                    if (!SyscallTable.TryGetNumber(arch, name, out var nr))
                    {
                        missing.Add($"{name} on {SeccompArchNames.ToName(arch)}");
                        continue;
                    }
                    if (!byNumber.TryGetValue(nr, out var list))
                        byNumber[nr] = list = ImmutableArray.CreateBuilder<SyscallRule>();
                    list.Add(syscallRule);
                }
            }
            var frozen = byNumber.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutable());
            tables.Add(new ArchRuleTable(arch, frozen, set.DefaultAction, set.UnknownAction));
        }
        notOnArch = [.. missing];
        return tables.ToImmutable();
    }
}
