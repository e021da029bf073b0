using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Explain;

/// <summary>
/// The filter in words: default and unknown actions, architectures, then each rule. For each notable dangerous
/// syscall the rules are followed in first-match order, so a syscall an earlier rule denies is not reported
/// as allowed by a later allowlist.
/// </summary>
internal static class SeccompSection
{
    public static ExplainSection Build(ExplainContext c)
    {
        var s = c.Profile.Seccomp;
        c.Item($"default action: {SeccompWords.Action(s.DefaultAction.Value)} for known syscalls no rule allows", s.DefaultAction.Origin);
        c.Item($"unknown action: {SeccompWords.Action(s.UnknownAction.Value)} for syscall numbers hctr's table does not know", s.UnknownAction.Origin);
        if (SeccompWords.Allows(s.DefaultAction.Value))
        {
            c.Risk(RiskLevel.High, "seccomp default action allows every syscall no rule denies", s.DefaultAction.Origin);
        }

        if (SeccompWords.Allows(s.UnknownAction.Value))
        {
            c.Risk(RiskLevel.High, "seccomp allows syscall numbers hctr does not know", s.UnknownAction.Origin);
        }

        Architectures(c, s);
        var allowedBy = DangerousAllowed(s);
        for (var i = 0; i < s.Rules.Length; i++)
        {
            var r = s.Rules[i];
            var when = r.Args.IsEmpty ? "" : " when " + SeccompWords.Conditions(r);
            var comment = string.IsNullOrWhiteSpace(r.Comment) ? "" : $" — {r.Comment.Trim()}";
            var notable = allowedBy.Where(kv => kv.Value.Contains(i)).Select(kv => kv.Key).ToList();
            var note = notable.Count == 0 ? "" : "; notable: " + string.Join(", ", notable);
            c.Item($"rule {i + 1}: {SeccompWords.Verb(r.Action)} {SeccompWords.What(r)}{when}{note}{comment}", r.Origin);
            foreach (var name in notable)
            {
                DangerousSyscalls.TryGet(name, out var why);
                var how = r.Args.IsEmpty ? "" : " when " + SeccompWords.Conditions(r);
                c.Risk(DangerousSyscalls.Level(name), $"seccomp allows {name}{how}: {why}", r.Origin);
            }
        }

        foreach (var name in allowedBy.Where(kv => kv.Value.Contains(-1)).Select(kv => kv.Key))
        {
            DangerousSyscalls.TryGet(name, out var why);
            c.Risk(DangerousSyscalls.Level(name), $"seccomp allows {name} through the default action: {why}", s.DefaultAction.Origin);
        }

        return c.Section("Seccomp");
    }

    private static void Architectures(ExplainContext c, SeccompProfile s)
    {
        if (s.Architectures.IsEmpty)
        {
            c.Item("architectures: the host's native ABI only; every other ABI is killed", c.Profile.Origin);
            return;
        }

        var names = string.Join(", ", s.Architectures.Select(a => SeccompArchNames.ToName(a.Value)).Distinct());
        c.Item($"architectures: {names}; every other ABI is killed", s.Architectures[0].Origin);
        foreach (var a in s.Architectures.Where(a => a.Value is SeccompArch.X86 or SeccompArch.Arm))
        {
            c.Risk(RiskLevel.Low, $"the 32-bit {SeccompArchNames.ToName(a.Value)} ABI is allowed: a second syscall table to audit" +
                (a.Value == SeccompArch.X86 ? " (socketcall reaches sockets without socket()'s argument checks)" : ""), a.Origin);
        }
    }

    /// <summary>
    /// Dangerous syscall → indices of the rules that allow it in first-match order (-1: the default action does).
    /// clone allowed only without namespace flags is not dangerous.
    /// </summary>
    private static SortedDictionary<string, List<int>> DangerousAllowed(SeccompProfile s)
    {
        var result = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var name in DangerousSyscalls.Names)
        {
            var allowing = new List<int>();
            var decided = false;
            for (var i = 0; i < s.Rules.Length && !decided; i++)
            {
                var r = s.Rules[i];
                if (!r.Expanded.Contains(name))
                {
                    continue;
                }

                decided = r.Args.IsEmpty;
                if (SeccompWords.Allows(r.Action) && !(name == "clone" && r.Args.Any(SeccompWords.BlocksNamespaceFlags)))
                {
                    allowing.Add(i);
                }
            }

            if (!decided && SeccompWords.Allows(s.DefaultAction.Value))
            {
                allowing.Add(-1);
            }

            if (allowing.Count > 0)
            {
                result[name] = allowing;
            }
        }

        return result;
    }
}
