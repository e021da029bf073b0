using System.Collections;
using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Hctr.Engine.Containers;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Plan;
using Hctr.Sandbox;
using Hctr.Sandbox.Cgroups;

namespace Hctr.Cli.Commands;

/// <summary>The profile compiler's entry point (a seam, so tests can stand in for it).</summary>
internal delegate Hctr.Engine.Profiles.PlanCompileResult CompileProfileFile(string path, LaunchRequest request, HostFacts host);

/// <summary>
/// <c>hctr run --profile FILE --rootfs DIR [--name N] [--hostname H] [-e K=V]... [-w DIR] [-u UID[:GID]] [-t] [--init] [--] CMD...</c>
/// (or <c>--plan FILE</c>: a plan from <c>hctr profile compile --emit plan</c>, run exactly as written).
/// Exit code: the container's (128+N for signal N), 125 for hctr's own failures, 126/127 cannot execute / not found.
/// </summary>
internal static class RunCommand
{
    private const int HctrFailure = 125;

    /// <summary>
    /// Profiles compile through Engine (file loading, extends) into a plan for this run, through the plan cache
    /// under the state root unless <c>HCTR_NO_PLAN_CACHE=1</c>. Each auto user namespace gets a host id range of
    /// its own, released when the run ends.
    /// </summary>
    private static readonly CompileProfileFile DefaultCompiler = (path, request, host) =>
    {
        Func<uint, uint> allocate = size =>
            IdRangeAllocator.ForHost(ContainerRunner.DefaultStateRoot, Environment.GetEnvironmentVariable(IdRangeAllocator.BaseVariable))
                .Claim(request.ContainerId, size);
        if (Environment.GetEnvironmentVariable("HCTR_NO_PLAN_CACHE") == "1")
        {
            var (plan, diagnostics) = Hctr.Engine.Profiles.ProfileFiles.Compile(path, request, host, allocate);
            return new(plan, [.. diagnostics.Select(d => d.Render())], diagnostics.Any(d => d.IsError), FromCache: false);
        }

        var cache = new Hctr.Engine.Profiles.PlanCache(Hctr.Engine.Profiles.PlanCache.DefaultDirectory(ContainerRunner.DefaultStateRoot));
        return cache.Compile(path, request, host, allocate);
    };

    public static Command Create() => Create(DefaultCompiler);

    internal static Command Create(CompileProfileFile compile)
    {
        var profile = new Option<FileInfo>("--profile") { Description = "Security profile (YAML)." };
        var plan = new Option<FileInfo>("--plan") { Description = "A compiled launch plan (JSON), run exactly as written." };
        var rootfs = new Option<DirectoryInfo>("--rootfs") { Description = "Root filesystem directory." };
        var name = new Option<string>("--name") { Description = "Container name (default: random)." };
        var hostname = new Option<string>("--hostname") { Description = "Hostname inside the container." };
        var env = new Option<string[]>("--env", "-e") { Description = "Environment variable KEY=VALUE.", AllowMultipleArgumentsPerToken = false };
        var workdir = new Option<string>("--workdir", "-w") { Description = "Working directory inside the container." };
        var user = new Option<string>("--user", "-u") { Description = "UID[:GID] inside the container." };
        var tty = new Option<bool>("--tty", "-t") { Description = "Allocate a pseudo-terminal." };
        var init = new Option<bool>("--init") { Description = "Run a minimal init as PID 1 that reaps zombies and forwards signals." };
        var command = new Argument<string[]>("command") { Arity = ArgumentArity.ZeroOrMore, Description = "Command and arguments." };

        var run = new Command("run", "Run a command in a new container.")
        {
            profile, plan, rootfs, name, hostname, env, workdir, user, tty, init, command,
        };
        run.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            string id = parse.GetValue(name) ?? ContainerRunner.NewId();
            LaunchPlan? launchPlan;
            if (parse.GetValue(plan) is { } planFile)
            {
                if (parse.GetValue(profile) is not null || parse.GetValue(rootfs) is not null || (parse.GetValue(command)?.Length ?? 0) > 0)
                {
                    stderr.WriteLine("hctr run: --plan runs the plan exactly as written; it takes no --profile, --rootfs or command");
                    return HctrFailure;
                }

                launchPlan = PlanJson.Deserialize(File.ReadAllBytes(planFile.FullName));
            }
            else
            {
                if (parse.GetValue(profile) is not { } profileFile || parse.GetValue(rootfs) is not { } rootDir)
                {
                    stderr.WriteLine("hctr run: --profile and --rootfs are required (or --plan)");
                    return HctrFailure;
                }

                string[] argv = parse.GetValue(command) ?? [];
                if (argv.Length == 0)
                {
                    stderr.WriteLine("hctr run: no command given");
                    return HctrFailure;
                }

                if (!TryBuildRequest(parse, argv, id, rootDir, hostname, env, workdir, user, tty, init, stderr, out var request))
                {
                    return HctrFailure;
                }

                var compiled = compile(profileFile.FullName, request, HostProbe.Probe());
                foreach (var message in compiled.Messages)
                {
                    stderr.WriteLine(message);
                }

                if (compiled.Plan is null || compiled.HasErrors)
                {
                    return HctrFailure;
                }

                launchPlan = compiled.Plan;
            }

            try
            {
                return Launch(id, launchPlan, stderr);
            }
            finally
            {
                new IdRangeAllocator(ContainerRunner.DefaultStateRoot).Release(id);
            }
        });
        return run;
    }

    private static int Launch(string id, LaunchPlan plan, TextWriter stderr)
    {
        // The plan's settings are spelled for one layout; the compiler chose it from the probed host.
        ICgroupManager cgroups = plan.Cgroup.Layout == CgroupLayout.V2 ? new CgroupV2Manager() : new CgroupV1Manager();
        var runner = new ContainerRunner(ContainerRunner.DefaultStateRoot, cgroups);
        var options = new LaunchOptions
        {
            InitExecutable = Environment.ProcessPath ?? throw new InvalidOperationException("cannot locate the hctr executable"),
            InitEnvironment = DotnetEnvironment(),
            Cgroups = cgroups,
        };
        try
        {
            var result = runner.Run(id, plan, options);
            if (result.Failure is { } failure)
            {
                stderr.WriteLine($"hctr: {failure.Render()}");
            }

            if (result.OomKilled)
            {
                stderr.WriteLine("hctr: the container hit its memory limit and the OOM killer killed a process");
            }

            return result.ExitCode;
        }
        catch (SyscallException e)
        {
            stderr.WriteLine($"hctr: {e.Message}");
            return HctrFailure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            stderr.WriteLine($"hctr: {e.Message}");
            return HctrFailure;
        }
    }

    private static bool TryBuildRequest(
        ParseResult parse, string[] argv, string id, DirectoryInfo rootDir, Option<string> hostname, Option<string[]> env,
        Option<string> workdir, Option<string> user, Option<bool> tty, Option<bool> init, TextWriter stderr, out LaunchRequest request)
    {
        request = new LaunchRequest { Argv = [.. argv] };
        uint uid = 0, gid = 0;
        if (parse.GetValue(user) is { } spec)
        {
            string[] parts = spec.Split(':', 2);
            if (!uint.TryParse(parts[0], CultureInfo.InvariantCulture, out uid)
                || (parts.Length == 2 && !uint.TryParse(parts[1], CultureInfo.InvariantCulture, out gid)))
            {
                stderr.WriteLine($"hctr run: --user expects UID[:GID] (numbers), got '{spec}'");
                return false;
            }

            gid = parts.Length == 2 ? gid : uid;
        }

        string[] extraEnv = parse.GetValue(env) ?? [];
        if (extraEnv.FirstOrDefault(e => !e.Contains('=') || e.StartsWith('=')) is { } bad)
        {
            stderr.WriteLine($"hctr run: -e expects KEY=VALUE, got '{bad}'");
            return false;
        }

        var keys = extraEnv.Select(e => e[..e.IndexOf('=')]).ToHashSet(StringComparer.Ordinal);
        request = request with
        {
            Env = [.. request.Env.Where(e => !keys.Contains(e[..e.IndexOf('=')])), .. extraEnv],
            Cwd = parse.GetValue(workdir) ?? request.Cwd,
            Uid = uid,
            Gid = gid,
            Hostname = parse.GetValue(hostname) ?? request.Hostname,
            ContainerId = id,
            RootfsPath = rootDir.FullName,
            Terminal = parse.GetValue(tty),
            Init = parse.GetValue(init),
        };
        return true;
    }

    /// <summary>The init stage gets no host environment but what a JIT-hosted hctr needs to start (DOTNET_*).</summary>
    private static string[] DotnetEnvironment() =>
        [.. Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Where(e => ((string)e.Key).StartsWith("DOTNET_", StringComparison.Ordinal))
            .Select(e => $"{e.Key}={e.Value}")];
}
