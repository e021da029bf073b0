using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Compile;

/// <summary>Masked and read-only paths, as the profile lists them (the front end fills the defaults), normalised and de-duplicated.</summary>
internal static class PathStage
{
    public static List<PathStep> Build(CompileContext c, ImmutableArray<Located<string>> paths, string field)
    {
        var steps = new List<PathStep>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in paths.IsDefault ? [] : paths)
        {
            if (!ContainerPath.TryNormalize(p.Value, out var path) || path == "/")
            {
                c.Diagnostics.Error(DiagnosticCodes.BadPath, p.Origin, $"'{p.Value}' must be an absolute path other than '/', without '..'", field);
                continue;
            }

            if (seen.Add(path))
            {
                steps.Add(new PathStep(path, p.Origin));
            }
        }

        return steps;
    }
}
