using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;

namespace Hctr.Policy.Explain;

/// <summary>Collects the lines of one section and the risks of the whole profile while the sections are built.</summary>
internal sealed class ExplainContext(SecurityProfile profile)
{
    private readonly List<ExplainRisk> _risks = [];
    private List<ExplainItem> _items = [];

    public SecurityProfile Profile => profile;

    public ImmutableArray<ExplainRisk> Risks => [.. _risks];

    /// <summary>Defaults are located at the profile's name line: nothing written in a profile shares that line.</summary>
    public bool IsDefault(SourceLocation at) => at == profile.Origin;

    public void Item(string text, SourceLocation at) => _items.Add(new ExplainItem(text, at, IsDefault(at)));

    public void Risk(RiskLevel level, string text, SourceLocation at) => _risks.Add(new ExplainRisk(level, text, at, IsDefault(at)));

    public ExplainSection Section(string title)
    {
        var s = new ExplainSection(title, [.. _items]);
        _items = [];
        return s;
    }
}
