using Hctr.Policy.Model;

namespace Hctr.Policy.Explain;

/// <summary>
/// A loaded profile in plain language for a human reviewer: what the workload may do, what is risky, and the
/// file:line each permission comes from (after extends). Pure and deterministic.
/// </summary>
public static class ProfileExplainer
{
    public static string Text(SecurityProfile p) => ExplainTextRenderer.Render(Explain(p));

    public static string Json(SecurityProfile p) => ExplainJsonRenderer.Render(Explain(p));

    public static Explanation Explain(SecurityProfile p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var c = new ExplainContext(p);
        var sections = new[]
        {
            IdentitySection.Build(c),
            CapabilitySection.Build(c),
            SeccompSection.Build(c),
            FilesystemSection.Build(c),
            NetworkSection.Build(c),
            ResourceSection.Build(c),
        };

        // Most serious first; within a level, in the order the sections found them.
        var risks = c.Risks.OrderByDescending(r => r.Level).ToList();
        return new Explanation(p.Name, p.Description, p.Sources, [.. sections], [.. risks]);
    }
}
