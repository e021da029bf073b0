using Hctr.Fuzz.Engine;

namespace Hctr.Fuzz.Targets;

/// <summary>Every fuzz target, by name. (TUF metadata and canonical JSON targets belong to src/Trust's owners.)</summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
        [new ProfileParserTarget(), new CompilerTarget(), new PlanJsonTarget(), new PlanWireTarget(), new BpfInterpreterTarget()];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
