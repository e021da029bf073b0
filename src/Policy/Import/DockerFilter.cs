using System.Collections.Immutable;

namespace Hctr.Policy.Import;

/// <summary>A Docker <c>includes</c> or <c>excludes</c> block: capabilities, GOARCH names and a minimum kernel.</summary>
internal sealed record DockerFilter(ImmutableArray<string> Caps, ImmutableArray<string> Arches, string? MinKernel)
{
    public bool IsEmpty => Caps.IsEmpty && Arches.IsEmpty && MinKernel is null;

    public string Describe(string word)
    {
        var parts = new List<string>();
        if (!Caps.IsEmpty)
        {
            parts.Add("caps " + string.Join(",", Caps));
        }

        if (!Arches.IsEmpty)
        {
            parts.Add("arches " + string.Join(",", Arches));
        }

        if (MinKernel is not null)
        {
            parts.Add("minKernel " + MinKernel);
        }

        return parts.Count == 0 ? "" : $"{word} {string.Join(", ", parts)}";
    }
}
