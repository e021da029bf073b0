using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Audit;

/// <summary>One semantic difference between two profiles, located in the profile that has the value (the new one when it has it).</summary>
public sealed record DiffEntry(ChangeKind Kind, string Section, string Message, SourceLocation Location)
{
    public string Render()
    {
        var kind = Kind switch { ChangeKind.Widen => "widen", ChangeKind.Narrow => "narrow", _ => "change" };
        var at = Location.IsNone ? "" : $" ({Location})";
        return $"{kind,-6} {Section}: {Message}{at}";
    }
}
