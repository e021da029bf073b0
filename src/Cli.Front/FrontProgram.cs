using Hctr.Engine.Containers;
using Hctr.Engine.Profiles;
using Hctr.Sandbox;

namespace Hctr.Cli.Front;

/// <summary>
/// <c>hctr</c>, the front binary. Every container start pays for starting the program that launches it, and the
/// full CLI is a 20 MB NativeAOT binary whose loader alone relocates about 5 MB of pointer data (docs/sandbox.md).
/// This one is small: it runs <c>hctr run --profile F --rootfs D ... CMD</c> itself when the plan cache holds that
/// run's plan, through the same Engine code as the full CLI (<see cref="ForegroundRun"/>), and otherwise execs the
/// full CLI, <c>hctr-cli</c> beside it (never one found on PATH or named by the environment), with the same
/// arguments: before it has printed, claimed or started anything that stays.
/// </summary>
internal static class FrontProgram
{
    private const int Internal = 70;

    public static int Run(string[] args)
    {
        try
        {
            if (FrontArguments.Parse(args) is { } run && Environment.IsPrivilegedProcess && TryRun(run) is { } code)
            {
                return code;
            }
        }
        catch (Exception e)
        {
            // Last line of defence, as in the full CLI: never a stack trace.
            Console.Error.WriteLine($"hctr: internal error: {e.GetType().Name}: {e.Message}");
            return Internal;
        }

        string full = Path.Combine(Path.GetDirectoryName(Environment.ProcessPath) ?? "/", PlanCache.FullCliFileName);
        var failure = ProcessImage.Replace(full, [PlanCache.FrontFileName, .. args]);
        Console.Error.WriteLine($"hctr: cannot start the full CLI: {failure.Message} (scripts/setup.sh publishes it beside hctr)");
        return args is ["run", ..] ? ForegroundRun.HctrFailure : 2;
    }

    /// <summary>The container's exit code, or null to hand the command line to the full CLI (nothing printed or kept).</summary>
    private static int? TryRun(FrontArguments run)
    {
        string id = run.Name ?? ContainerRunner.NewId();
        if (InitBinary.Find() is not { } init
            || !ForegroundRun.TryBuildRequest(run.Command, id, Path.GetFullPath(run.Rootfs), run.Hostname, run.Env, run.Workdir,
                run.User, run.Tty, run.Init, numericUser: true, TextWriter.Null, out var request))
        {
            return null; // the full CLI says what is wrong
        }

        PlanCompileResult? cached;
        try
        {
            cached = ForegroundRun.Cached(Path.GetFullPath(run.Profile), request, HostProbe.Probe());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cached = null;
        }

        if (cached?.Plan is not { } plan || cached.HasErrors)
        {
            ForegroundRun.ReleaseIds(id); // a range claimed for the lookup: the full CLI claims its own
            return null;
        }

        try
        {
            var stderr = Console.Error;
            foreach (var message in cached.Messages)
            {
                stderr.WriteLine(message);
            }

            return ForegroundRun.Launch(id, plan, init, stderr);
        }
        finally
        {
            ForegroundRun.ReleaseIds(id);
        }
    }
}
