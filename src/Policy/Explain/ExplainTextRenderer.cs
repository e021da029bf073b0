using System.Text;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Explain;

/// <summary>
/// Plain text for a reviewer: a header, each section as a list with the line each value comes from in
/// brackets (<c>[file:line]</c>, or <c>[hctr default]</c>), then the risks, most serious first.
/// </summary>
internal static class ExplainTextRenderer
{
    public static string Render(Explanation e)
    {
        var sb = new StringBuilder();
        sb.Append("Profile: ").Append(e.Name).Append('\n');
        if (e.Description.Length > 0)
        {
            sb.Append("Description: ").Append(e.Description).Append('\n');
        }

        sb.Append("Files: ").Append(string.Join(" extends ", e.Sources)).Append('\n');
        foreach (var s in e.Sections)
        {
            sb.Append('\n').Append(s.Title).Append('\n');
            foreach (var i in s.Items)
            {
                sb.Append("  - ").Append(i.Text).Append(Where(i.Origin, i.IsDefault)).Append('\n');
            }
        }

        sb.Append('\n').Append("Risks");
        if (e.Risks.IsEmpty)
        {
            sb.Append("\n  none found\n");
            return sb.ToString();
        }

        sb.Append($" ({e.Risks.Length})\n");
        foreach (var r in e.Risks)
        {
            sb.Append("  - ").Append(Level(r.Level)).Append(": ").Append(r.Text).Append(Where(r.Origin, r.IsDefault)).Append('\n');
        }

        return sb.ToString();
    }

    public static string Level(RiskLevel l) => l switch
    {
        RiskLevel.High => "high",
        RiskLevel.Medium => "medium",
        _ => "low",
    };

    /// <summary>Two spaces and the origin in brackets; nothing for a statement no line makes (e.g. "no TCP connect").</summary>
    public static string Where(SourceLocation at, bool isDefault) =>
        isDefault ? "  [hctr default]" : at.IsNone ? "" : $"  [{at.File}:{at.Line}]";
}
