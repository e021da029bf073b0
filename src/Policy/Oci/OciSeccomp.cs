using System.Collections.Immutable;
using System.Text.Json;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Oci;

/// <summary>
/// hctr seccomp rules → OCI LinuxSeccomp, only where the meaning survives libseccomp as runc and crun use it:
/// <list type="bullet">
/// <item>libseccomp has no first-match order between rules for one syscall. A syscall whose reachable rules
/// (after dropping trailing rules that equal the default action, and rules after an unconditional one)
/// have different actions cannot be expressed: HCTR1603.</item>
/// <item>runc turns several conditions on the same argument into separate rules (OR, not AND): HCTR1603.</item>
/// <item>notify needs a listener socket the fragment cannot name: HCTR1603.</item>
/// <item>OCI has one default action; hctr also has an action for syscalls outside its table. Equal: exact.
/// Both denials (errno, kill, trap): unknown syscalls are still denied, only the errno or signal differs
/// (runc itself answers ENOSYS for syscalls newer than the profile's newest), so warn. Otherwise the
/// fragment would allow what the profile denies, or deny differently in kind: HCTR1603.</item>
/// </list>
/// </summary>
internal static class OciSeccomp
{
    internal sealed record Entry(string Name, SeccompAction Action, ImmutableArray<ArgCondition> Args, SourceLocation Origin);

    public static List<Entry> Translate(SeccompProfile s, DiagnosticBag d)
    {
        var def = s.DefaultAction.Value;
        CheckUnknown(s, d);
        if (def.Kind == SeccompActionKind.Notify)
        {
            d.Error(DiagnosticCodes.OciInexpressible, s.DefaultAction.Origin, "OCI cannot express a notify default action without a listener socket", "spec.seccomp.defaultAction");
        }

        var bySyscall = new SortedDictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var rule in s.Rules)
        {
            if (rule.Action.Kind == SeccompActionKind.Notify)
            {
                d.Error(DiagnosticCodes.OciInexpressible, rule.Origin, "OCI cannot express a notify rule: the fragment has no listenerPath", "spec.seccomp.rules");
                continue;
            }

            if (rule.Args.GroupBy(a => a.Index).Any(g => g.Count() > 1) || rule.Args.Any(a => a.Index is < 0 or > 5))
            {
                d.Error(DiagnosticCodes.OciInexpressible, rule.Origin,
                    "OCI cannot express several conditions on one argument: runc would OR them where hctr ANDs them", "spec.seccomp.rules");
                continue;
            }

            foreach (var name in rule.Expanded)
            {
                var list = bySyscall.TryGetValue(name, out var l) ? l : bySyscall[name] = [];
                if (list.Count > 0 && list[^1].Args.IsEmpty)
                {
                    continue; // unreachable: an earlier unconditional rule decides
                }

                list.Add(new Entry(name, rule.Action, rule.Args, rule.Origin));
            }
        }

        var result = new List<Entry>();
        foreach (var (name, list) in bySyscall)
        {
            while (list.Count > 0 && list[^1].Action == def)
            {
                list.RemoveAt(list.Count - 1);
            }

            if (list.Select(e => e.Action).Distinct().Count() > 1)
            {
                d.Error(DiagnosticCodes.OciInexpressible, list[0].Origin,
                    $"OCI cannot express rules for '{name}' with different actions ({string.Join(", ", list.Select(e => $"{OciNames.Describe(e.Action)} at line {e.Origin.Line}"))}): libseccomp has no first-match order",
                    "spec.seccomp.rules");
                continue;
            }

            // Same action throughout: the rules are alternatives (OR); an unconditional one covers them all.
            result.AddRange(list.Any(e => e.Args.IsEmpty) ? [list.First(e => e.Args.IsEmpty)] : list);
        }

        return result;
    }

    private static void CheckUnknown(SeccompProfile s, DiagnosticBag d)
    {
        var def = s.DefaultAction.Value;
        var unknown = s.UnknownAction.Value;
        if (def == unknown)
        {
            return;
        }

        var msg = $"OCI has a single default action: syscalls outside hctr's table get {OciNames.Describe(def)} instead of {OciNames.Describe(unknown)}";
        if (OciNames.IsDeny(def.Kind) && OciNames.IsDeny(unknown.Kind))
        {
            d.Warning(DiagnosticCodes.OciInexpressible, s.UnknownAction.Origin, msg + " (still denied)", "spec.seccomp.unknownAction");
        }
        else
        {
            d.Error(DiagnosticCodes.OciInexpressible, s.UnknownAction.Origin, msg, "spec.seccomp.unknownAction");
        }
    }

    public static void Write(Utf8JsonWriter w, SeccompProfile s, SeccompPlan plan, List<Entry> entries)
    {
        w.WriteStartObject("seccomp");
        var def = s.DefaultAction.Value;
        w.WriteString("defaultAction", OciNames.Action(def.Kind));
        if (OciNames.HasErrnoRet(def.Kind))
        {
            w.WriteNumber("defaultErrnoRet", def.Data);
        }

        w.WriteStartArray("architectures");
        foreach (var a in s.Architectures.Select(a => a.Value).Distinct().Order())
        {
            w.WriteStringValue(OciNames.Arch(a));
        }

        w.WriteEndArray();
        w.WriteStartArray("flags");
        if ((plan.Flags & 2) != 0)
        {
            w.WriteStringValue("SECCOMP_FILTER_FLAG_LOG");
        }

        if ((plan.Flags & 4) != 0)
        {
            w.WriteStringValue("SECCOMP_FILTER_FLAG_SPEC_ALLOW");
        }

        w.WriteEndArray();
        w.WriteStartArray("syscalls");
        var unconditional = entries.Where(e => e.Args.IsEmpty).GroupBy(e => e.Action)
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Data);
        foreach (var g in unconditional)
        {
            WriteEntry(w, [.. g.Select(e => e.Name)], g.Key, []);
        }

        foreach (var e in entries.Where(e => !e.Args.IsEmpty))
        {
            WriteEntry(w, [e.Name], e.Action, e.Args);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter w, IReadOnlyList<string> names, SeccompAction action, ImmutableArray<ArgCondition> args)
    {
        w.WriteStartObject();
        w.WriteStartArray("names");
        foreach (var n in names)
        {
            w.WriteStringValue(n);
        }

        w.WriteEndArray();
        w.WriteString("action", OciNames.Action(action.Kind));
        if (OciNames.HasErrnoRet(action.Kind))
        {
            w.WriteNumber("errnoRet", action.Data);
        }

        if (!args.IsEmpty)
        {
            w.WriteStartArray("args");
            foreach (var a in args.OrderBy(a => a.Index))
            {
                w.WriteStartObject();
                w.WriteNumber("index", a.Index);
                // libseccomp's masked-eq compares (arg & value) == valueTwo.
                w.WriteNumber("value", a.Op == ArgOp.MaskedEq ? a.Mask : a.Value);
                w.WriteNumber("valueTwo", a.Op == ArgOp.MaskedEq ? a.Value : 0UL);
                w.WriteString("op", OciNames.Op(a.Op));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
