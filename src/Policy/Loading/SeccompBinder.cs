using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;
using Hctr.Policy.Yaml;
using static Hctr.Policy.Loading.NodeReader;

namespace Hctr.Policy.Loading;

internal static class SeccompBinder
{
    public static ProfileLayer Bind(ProfileLayer layer, YMapping? s, DiagnosticBag d)
    {
        if (s is null)
        {
            return layer;
        }

        var groups = ImmutableDictionary.CreateBuilder<string, SyscallGroupSpec>(StringComparer.Ordinal);
        if (Map(s, "groups") is { } g)
        {
            foreach (var (key, value) in g.Entries)
            {
                var members = value is YSequence seq
                    ? seq.Items.OfType<YScalar>().Select(x => new Located<string>(x.Value, x.Location)).ToImmutableArray()
                    : [];
                groups[key.Value] = new SyscallGroupSpec(key.Value, members, key.Location);
            }
        }

        return layer with
        {
            SeccompSection = s.Location,
            DefaultAction = Action(Scalar(s, "defaultAction"), "defaultAction", d),
            UnknownAction = Action(Scalar(s, "unknownAction"), "unknownAction", d),
            Architectures = Arches(s, d),
            Groups = groups.ToImmutable(),
            Rules = Has(s, "rules") ? [.. Items(s, "rules").OfType<YMapping>().Select(r => Rule(r, d))] : null,
        };
    }

    private static Located<SeccompAction>? Action(YScalar? s, string field, DiagnosticBag d)
    {
        if (s is null)
        {
            return null;
        }

        if (SeccompAction.TryParse(s.Value, out var a, out var error))
        {
            return new Located<SeccompAction>(a, s.Location);
        }

        d.Error(DiagnosticCodes.BadAction, s.Location, $"bad seccomp action '{s.Value}': {error}", "spec.seccomp." + field,
            "use allow, log, kill-process, kill-thread, trap, notify, errno(EPERM) or trace(N)");
        return null;
    }

    private static ImmutableArray<Located<SeccompArch>>? Arches(YMapping s, DiagnosticBag d)
    {
        var names = Strings(s, "architectures");
        if (names is null)
        {
            return null;
        }

        var list = ImmutableArray.CreateBuilder<Located<SeccompArch>>();
        foreach (var n in names.Value)
        {
            SeccompArch? arch = n.Value switch
            {
                "x86_64" => SeccompArch.X86_64,
                "x86" or "i386" => SeccompArch.X86,
                "x32" => SeccompArch.X32,
                "aarch64" => SeccompArch.Aarch64,
                "arm" => SeccompArch.Arm,
                _ => null,
            };
            if (arch is { } a)
            {
                list.Add(new Located<SeccompArch>(a, n.Origin));
            }
        }

        // "native" leaves the list to the host: an empty list means native only.
        return list.ToImmutable();
    }

    private static RawRule Rule(YMapping r, DiagnosticBag d)
    {
        var action = Action(Scalar(r, "action"), "rules.action", d)?.Value ?? new SeccompAction(SeccompActionKind.KillProcess);
        var args = ImmutableArray.CreateBuilder<ArgCondition>();
        foreach (var a in Items(r, "args").OfType<YMapping>())
        {
            var index = int.TryParse(Scalar(a, "index")?.Value, out var i) ? i : 0;
            var op = Scalar(a, "op")?.Value switch
            {
                "ne" => ArgOp.Ne,
                "lt" => ArgOp.Lt,
                "le" => ArgOp.Le,
                "gt" => ArgOp.Gt,
                "ge" => ArgOp.Ge,
                "masked-eq" => ArgOp.MaskedEq,
                _ => ArgOp.Eq,
            };
            var value = U64(Scalar(a, "value"), d);
            var maskNode = Scalar(a, "mask");
            if (op == ArgOp.MaskedEq && maskNode is null)
            {
                d.Error(DiagnosticCodes.BadArgCondition, a.Location, "op 'masked-eq' needs a 'mask'", "spec.seccomp.rules.args");
            }
            else if (op != ArgOp.MaskedEq && maskNode is not null)
            {
                d.Error(DiagnosticCodes.BadArgCondition, maskNode.Location, $"'mask' only applies to op 'masked-eq', not '{Scalar(a, "op")?.Value}'",
                    "spec.seccomp.rules.args", "remove the mask or use op: masked-eq");
            }

            args.Add(new ArgCondition(index, op, value, maskNode is null ? 0 : U64(maskNode, d)));
        }

        return new RawRule(Strings(r, "syscalls") ?? [], args.ToImmutable(), action, r.Location, Scalar(r, "comment")?.Value);
    }

    private static ulong U64(YScalar? s, DiagnosticBag d)
    {
        if (s is null)
        {
            return 0;
        }

        if (TryU64(s.Value, out var v))
        {
            return v;
        }

        d.Error(DiagnosticCodes.BadArgCondition, s.Location, $"'{s.Value}' is not an unsigned 64-bit value", "spec.seccomp.rules.args");
        return 0;
    }
}
