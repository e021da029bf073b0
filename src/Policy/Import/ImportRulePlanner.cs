using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Import;

/// <summary>
/// Turns the applicable Docker entries into hctr rules whose first-match order decides every syscall as
/// runc + libseccomp would:
/// <list type="number">
/// <item>runc skips a rule whose action equals the default action, so it is dropped here too;</item>
/// <item>runc adds a rule that compares one argument twice as one rule per condition (they are ORed);</item>
/// <item>libseccomp lets an unconditional rule decide its syscall whatever the order: the first
/// unconditional rule wins, and conditional rules for that syscall are discarded;</item>
/// <item>overlapping conditional rules with different actions are ordered most restrictive first
/// (the kernel's action precedence), otherwise in source order.</item>
/// </list>
/// Every departure from the source (a dropped rule, a split, a name hctr does not know) is a diagnostic.
/// </summary>
internal sealed class ImportRulePlanner(SeccompAction defaultAction, string source, DiagnosticBag d)
{
    private readonly SourceLocation _at = new(source, 0, 0);
    private readonly string _file = Path.GetFileName(source);

    private sealed record Candidate(int Entry, ImmutableArray<string> Names, ImmutableArray<ArgCondition> Args, SeccompAction Action, string Comment);

    public ImmutableArray<ImportedRule> Plan(IReadOnlyList<DockerSyscallEntry> entries)
    {
        var candidates = new List<Candidate>();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var droppedAsDefault = new List<int>();
        foreach (var e in entries)
        {
            if (!DockerActions.TryMap(e.Action, e.ErrnoRet, out var action, out var error))
            {
                d.Error(DiagnosticCodes.ImportUnsupported, _at, error!, $"$.syscalls[{e.Index}].action");
                continue;
            }

            var args = ImmutableArray.CreateBuilder<ArgCondition>();
            foreach (var (a, i) in e.Args.Select((a, i) => (a, i)))
            {
                if (DockerActions.TryMapOp(a, out var c))
                {
                    args.Add(c);
                }
                else
                {
                    d.Error(DiagnosticCodes.ImportUnsupported, _at, $"comparison '{a.Op}' has no hctr equivalent", $"$.syscalls[{e.Index}].args[{i}].op",
                        "use SCMP_CMP_EQ, NE, LT, LE, GT, GE or MASKED_EQ");
                }
            }

            var known = e.Names.Where(n => SyscallTable.IsKnownAnywhere(n)).Distinct(StringComparer.Ordinal).ToImmutableArray();
            unknown.UnionWith(e.Names.Where(n => !SyscallTable.IsKnownAnywhere(n)));
            if (action == defaultAction)
            {
                droppedAsDefault.Add(e.Index);
                continue;
            }

            candidates.AddRange(Split(e, known, args.ToImmutable(), action));
        }

        if (unknown.Count > 0)
        {
            d.Warning(DiagnosticCodes.ImportUnsupported, _at,
                $"{unknown.Count} syscall name(s) unknown to hctr on every architecture were dropped: {string.Join(", ", unknown)}", "$.syscalls",
                "hctr's tables do not have them; they get the unknown action (ENOSYS) if they exist");
        }

        if (droppedAsDefault.Count > 0)
        {
            d.Warning(DiagnosticCodes.ImportUnsupported, _at,
                $"entries {string.Join(", ", droppedAsDefault.Select(i => $"syscalls[{i}]"))} have the default action and were dropped, as runc drops them",
                "$.syscalls");
        }

        return Order(Resolve(candidates));
    }

    private IEnumerable<Candidate> Split(DockerSyscallEntry e, ImmutableArray<string> names, ImmutableArray<ArgCondition> args, SeccompAction action)
    {
        var comment = Comment(e);
        if (args.GroupBy(a => a.Index).All(g => g.Count() == 1))
        {
            return [new Candidate(e.Index, names, args, action, comment)];
        }

        d.Warning(DiagnosticCodes.ImportUnsupported, _at,
            $"syscalls[{e.Index}] compares one argument more than once; runc ORs such conditions, so it becomes {args.Length} rules",
            $"$.syscalls[{e.Index}].args");
        return args.Select((a, i) => new Candidate(e.Index, names, [a], action, $"{comment} (condition {i + 1} of {args.Length}, ORed as runc does)"));
    }

    private List<ImportedRule> Resolve(List<Candidate> candidates)
    {
        var winner = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var c in candidates.Where(c => c.Args.IsEmpty))
        {
            foreach (var n in c.Names)
            {
                winner.TryAdd(n, c);
            }
        }

        var overridden = new SortedSet<string>(StringComparer.Ordinal);
        var rules = new List<ImportedRule>();
        foreach (var c in candidates)
        {
            var names = c.Names.Where(n => !winner.TryGetValue(n, out var w) || ReferenceEquals(w, c)).ToImmutableArray();
            foreach (var n in c.Names.Where(n => winner.TryGetValue(n, out var w) && !ReferenceEquals(w, c) && w.Action != c.Action))
            {
                overridden.Add($"{n} (syscalls[{c.Entry}] {c.Action} overridden by syscalls[{winner[n].Entry}] {winner[n].Action})");
            }

            if (!names.IsEmpty)
            {
                rules.Add(new ImportedRule([.. names.Order(StringComparer.Ordinal)], c.Args, c.Action, c.Comment));
            }
        }

        if (overridden.Count > 0)
        {
            d.Warning(DiagnosticCodes.ImportUnsupported, _at,
                $"an unconditional rule decides these syscalls whatever else is listed, as in libseccomp: {string.Join("; ", overridden)}", "$.syscalls");
        }

        return rules;
    }

    /// <summary>Conditional rules are stably sorted by action precedence within the slots they occupy; the rest keep source order.</summary>
    private static ImmutableArray<ImportedRule> Order(List<ImportedRule> rules)
    {
        var slots = Enumerable.Range(0, rules.Count).Where(i => rules[i].IsConditional).ToList();
        var sorted = slots.Select(i => rules[i]).OrderBy(r => DockerActions.Precedence(r.Action)).ToList();
        var result = rules.ToArray();
        for (var k = 0; k < slots.Count; k++)
        {
            result[slots[k]] = sorted[k];
        }

        return [.. result];
    }

    private string Comment(DockerSyscallEntry e)
    {
        var filters = string.Join("; ", new[] { e.Includes?.Describe("includes"), e.Excludes?.Describe("excludes") }
            .Where(s => !string.IsNullOrEmpty(s)));
        var text = $"from {_file} syscalls[{e.Index}]" + (filters.Length > 0 ? $" ({filters})" : "");
        return string.IsNullOrWhiteSpace(e.Comment) ? text : $"{text}: {e.Comment.Trim()}";
    }
}
