using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Loading;

/// <summary>
/// Expands syscall names and @groups (the profile's own, then hctr's built-in ones) into sorted, unique
/// syscall names. A name must be known on at least one architecture of hctr's tables; otherwise it is an error
/// with a "did you mean". Group cycles and profile groups that shadow a built-in group are errors.
/// </summary>
internal sealed class SyscallExpander(ImmutableDictionary<string, SyscallGroupSpec> groups, DiagnosticBag d)
{
    private readonly Dictionary<string, ImmutableArray<string>> _done = new(StringComparer.Ordinal);

    public void CheckGroups()
    {
        foreach (var g in groups.Values.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            if (SyscallGroups.TryGet(g.Name, out _))
            {
                d.Error(DiagnosticCodes.UnknownGroup, g.Origin, $"group '{g.Name}' has the name of a built-in group", "spec.seccomp.groups",
                    "choose another name; built-in groups cannot be redefined");
            }

            Group(g, []);
        }
    }

    public ImmutableArray<string> Expand(ImmutableArray<Located<string>> refs)
    {
        var names = new List<string>();
        foreach (var r in refs)
        {
            names.AddRange(Ref(r, []));
        }

        return SortedUnique(names);
    }

    /// <summary>
    /// The names in ordinal order, each once. A lone built-in group arrives that way already (one pass checks),
    /// which spares the sort.
    /// </summary>
    private static ImmutableArray<string> SortedUnique(List<string> names)
    {
        var ordered = true;
        for (var i = 1; i < names.Count && ordered; i++)
        {
            ordered = string.CompareOrdinal(names[i - 1], names[i]) < 0;
        }

        if (!ordered)
        {
            names.Sort(StringComparer.Ordinal);
            var unique = 0;
            for (var i = 0; i < names.Count; i++)
            {
                if (unique == 0 || !string.Equals(names[unique - 1], names[i], StringComparison.Ordinal))
                {
                    names[unique++] = names[i];
                }
            }

            names.RemoveRange(unique, names.Count - unique);
        }

        return [.. names];
    }

    private IEnumerable<string> Ref(Located<string> r, ImmutableHashSet<string> stack)
    {
        if (!r.Value.StartsWith('@'))
        {
            if (IsKnown(r.Value))
            {
                return [r.Value];
            }

            var s = SyscallTable.Suggest(r.Value);
            d.Error(DiagnosticCodes.UnknownSyscall, r.Origin, $"unknown syscall '{r.Value}'", "spec.seccomp",
                s is null ? "check the name against syscalls(2)" : $"did you mean '{s}'?");
            return [];
        }

        var name = r.Value[1..];
        if (groups.TryGetValue(name, out var g))
        {
            if (stack.Contains(name))
            {
                d.Error(DiagnosticCodes.GroupCycle, r.Origin, $"group '@{name}' includes itself", "spec.seccomp.groups",
                    "remove the reference that closes the cycle");
                return [];
            }

            return Group(g, stack);
        }

        if (SyscallGroups.TryGet(name, out var builtin))
        {
            return builtin;
        }

        var candidates = groups.Keys.Concat(SyscallGroups.Names.Select(n => n.TrimStart('@')));
        var hint = EditDistance.Closest(name, candidates, 3);
        d.Error(DiagnosticCodes.UnknownGroup, r.Origin, $"unknown syscall group '@{name}'", "spec.seccomp",
            hint is null ? "define it under seccomp.groups or use a built-in group (docs/seccomp.md)" : $"did you mean '@{hint}'?");
        return [];
    }

    private ImmutableArray<string> Group(SyscallGroupSpec g, ImmutableHashSet<string> stack)
    {
        if (_done.TryGetValue(g.Name, out var cached))
        {
            return cached;
        }

        var inner = stack.Add(g.Name);
        var names = new List<string>();
        foreach (var m in g.Members)
        {
            names.AddRange(Ref(m, inner));
        }

        var result = SortedUnique(names);
        if (stack.IsEmpty)
        {
            _done[g.Name] = result;
        }

        return result;
    }

    private static bool IsKnown(string name) => SyscallTable.IsKnownAnywhere(name);
}
