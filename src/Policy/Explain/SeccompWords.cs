using System.Globalization;
using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Explain;

/// <summary>Seccomp actions, conditions and rule contents in words.</summary>
internal static class SeccompWords
{
    /// <summary>CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET.</summary>
    public const ulong CloneNamespaceFlags = 0x7E020000;

    public static string Verb(SeccompAction a) => a.Kind switch
    {
        SeccompActionKind.Allow => "allows",
        SeccompActionKind.Log => "allows and logs",
        SeccompActionKind.Errno => $"denies with {Errno(a)}",
        SeccompActionKind.KillProcess => "kills the process on",
        SeccompActionKind.KillThread => "kills the thread on",
        SeccompActionKind.Trap => "sends SIGSYS on",
        SeccompActionKind.Notify => "asks the user-space supervisor about",
        SeccompActionKind.Trace => "hands to a tracer",
        _ => a.ToString(),
    };

    public static string Action(SeccompAction a) => a.Kind switch
    {
        SeccompActionKind.Errno => $"deny with {Errno(a)}",
        SeccompActionKind.Allow => "allow",
        _ => a.ToString(),
    };

    public static bool Allows(SeccompAction a) => a.Kind is SeccompActionKind.Allow or SeccompActionKind.Log;

    public static string Conditions(SeccompRuleSpec r) => string.Join(" and ", r.Args.Select(Condition));

    public static string Condition(ArgCondition c)
    {
        var arg = $"arg{c.Index}";
        var text = c.Op switch
        {
            ArgOp.Eq => $"{arg} == {N(c.Value)}",
            ArgOp.Ne => $"{arg} != {N(c.Value)}",
            ArgOp.Lt => $"{arg} < {N(c.Value)}",
            ArgOp.Le => $"{arg} <= {N(c.Value)}",
            ArgOp.Gt => $"{arg} > {N(c.Value)}",
            ArgOp.Ge => $"{arg} >= {N(c.Value)}",
            _ => $"{arg} & {N(c.Mask)} == {N(c.Value)}",
        };
        return BlocksNamespaceFlags(c) ? text + " (no namespace flags)" : text;
    }

    /// <summary>A clone flags condition that lets no CLONE_NEW* flag through.</summary>
    public static bool BlocksNamespaceFlags(ArgCondition c) =>
        c.Index == 0 && c.Op == ArgOp.MaskedEq && (c.Mask & CloneNamespaceFlags) == CloneNamespaceFlags && (c.Value & CloneNamespaceFlags) == 0;

    /// <summary>"@default, @network and 3 more names" style summary of what a rule lists.</summary>
    public static string What(SeccompRuleSpec r)
    {
        var refs = r.Syscalls.Select(s => s.Value).ToList();
        var groups = refs.Where(s => s.StartsWith('@')).ToList();
        var names = refs.Where(s => !s.StartsWith('@')).ToList();
        var parts = new List<string>();
        if (groups.Count > 0)
        {
            parts.Add("groups " + string.Join(", ", groups));
        }

        if (names.Count is > 0 and <= 6)
        {
            parts.Add(string.Join(", ", names));
        }
        else if (names.Count > 6)
        {
            parts.Add($"{names.Count} names");
        }

        var count = r.Expanded.Length;
        var what = string.Join("; ", parts);
        return count == 1 && groups.Count == 0 ? what : $"{count} syscall{(count == 1 ? "" : "s")} ({what})";
    }

    private static string Errno(SeccompAction a) => ErrnoNames.TryGetName(a.Data, out var n) ? n : a.Data.ToString(CultureInfo.InvariantCulture);

    private static string N(ulong v) => v <= 0xffff ? v.ToString(CultureInfo.InvariantCulture) : "0x" + v.ToString("x", CultureInfo.InvariantCulture);
}
