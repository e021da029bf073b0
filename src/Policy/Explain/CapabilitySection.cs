using Hctr.Policy.Capabilities;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Explain;

/// <summary>One line per added capability with what it grants; everything else is dropped.</summary>
internal static class CapabilitySection
{
    public static ExplainSection Build(ExplainContext c)
    {
        var caps = c.Profile.Capabilities.Add;
        if (caps.IsEmpty)
        {
            c.Item("none: every capability is dropped", SourceLocation.None);
        }

        foreach (var cap in caps.OrderBy(x => (int)x.Value))
        {
            var name = CapabilityNames.Name(cap.Value)["CAP_".Length..];
            c.Item($"{name}: {CapabilityDescriptions.Grants(cap.Value)}", cap.Origin);
            if (CapabilityDescriptions.Risk(cap.Value) is { } level)
            {
                c.Risk(level, $"capability {name}: {CapabilityDescriptions.Grants(cap.Value)}", cap.Origin);
            }
        }

        if (!caps.IsEmpty)
        {
            c.Item($"all other capabilities are dropped ({CapabilityNames.All.Count() - caps.Select(x => x.Value).Distinct().Count()} of them)", SourceLocation.None);
        }

        return c.Section("Capabilities");
    }
}
