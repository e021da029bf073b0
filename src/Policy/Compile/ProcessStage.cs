using Hctr.Policy.Diagnostics;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Compile;

/// <summary>The process to run, from the request: argv must be non-empty and the working directory absolute.</summary>
internal static class ProcessStage
{
    public static ProcessPlan Build(CompileContext c)
    {
        var r = c.Request;
        if (r.Argv.IsDefaultOrEmpty || string.IsNullOrEmpty(r.Argv[0]))
        {
            c.Diagnostics.Error(DiagnosticCodes.BadLaunchRequest, c.Profile.Origin, "the command (argv) is empty", "request.argv");
        }

        if (!ContainerPath.TryNormalize(r.Cwd, out var cwd))
        {
            c.Diagnostics.Error(DiagnosticCodes.BadLaunchRequest, c.Profile.Origin, $"working directory '{r.Cwd}' must be absolute without '..'", "request.cwd");
            cwd = "/";
        }

        if (r.Env.Any(e => e.Contains('\0') || !e.Contains('=')))
        {
            c.Diagnostics.Error(DiagnosticCodes.BadLaunchRequest, c.Profile.Origin, "environment entries must be NAME=value without NUL", "request.env");
        }

        return new ProcessPlan(
            r.Argv.IsDefault ? [] : [.. r.Argv],
            [.. r.Env],
            cwd,
            r.Uid,
            r.Gid,
            [.. r.AdditionalGids],
            r.Hostname,
            r.Terminal,
            r.Init);
    }
}
