using System.Collections;
using System.Globalization;
using Hctr.Engine.Profiles;
using Hctr.Policy.Host;
using Hctr.Policy.Plan;
using Hctr.Sandbox;
using Hctr.Sandbox.Cgroups;

namespace Hctr.Engine.Containers;

/// <summary>
/// The steps of <c>hctr run</c> after its arguments are parsed, shared by the two programs that run it: the full
/// CLI (<c>hctr-cli</c>, System.CommandLine) and the small front binary <c>hctr</c>, which launches a
/// <c>--rootfs</c> run whose plan is cached and hands every other command line to the full CLI. Both build the
/// same request, look up the same plan-cache entry and launch through the same code; only the parsing differs.
/// </summary>
public static class ForegroundRun
{
    /// <summary>hctr's own failures, as docker's 125.</summary>
    public const int HctrFailure = 125;

    /// <summary>
    /// The launch request from the command line's values; false (with one line on <paramref name="stderr"/>)
    /// when a value is malformed. <paramref name="numericUser"/>: <paramref name="user"/> is UID[:GID] here
    /// (a --rootfs run); with an image, names are resolved later against the image's /etc/passwd.
    /// </summary>
    public static bool TryBuildRequest(IReadOnlyList<string> argv, string id, string rootPath, string? hostname,
        IReadOnlyList<string> env, string? workdir, string? user, bool tty, bool init, bool numericUser, TextWriter stderr,
        out LaunchRequest request)
    {
        request = new LaunchRequest { Argv = [.. argv] };
        uint uid = 0, gid = 0;
        if (numericUser && user is { } spec)
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

        foreach (var e in env)
        {
            if (!e.Contains('=') || e.StartsWith('='))
            {
                stderr.WriteLine($"hctr run: -e expects KEY=VALUE, got '{e}'");
                return false;
            }
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in env)
        {
            keys.Add(e[..e.IndexOf('=')]);
        }

        var merged = new List<string>();
        foreach (var e in request.Env)
        {
            if (!keys.Contains(e[..e.IndexOf('=')]))
            {
                merged.Add(e);
            }
        }

        merged.AddRange(env);
        request = request with
        {
            Env = [.. merged],
            Cwd = workdir ?? request.Cwd,
            Uid = uid,
            Gid = gid,
            Hostname = hostname ?? request.Hostname,
            ContainerId = id,
            RootfsPath = rootPath,
            Terminal = tty,
            Init = init,
        };
        return true;
    }

    /// <summary>
    /// Compiles the profile at <paramref name="path"/> for <paramref name="request"/>, through the plan cache under
    /// the state root unless <c>HCTR_NO_PLAN_CACHE=1</c>. An auto user namespace claims a host id range of its own
    /// for the container (released by <see cref="ReleaseIds"/>).
    /// </summary>
    public static PlanCompileResult Compile(string path, LaunchRequest request, HostFacts host)
    {
        var allocate = Allocator(request.ContainerId);
        if (!PlanCacheEnabled)
        {
            return PlanCache.CompileUncached(path, request, host, allocate);
        }

        return DefaultPlanCache().Compile(path, request, host, allocate);
    }

    /// <summary>
    /// The cached plan for this run, or null when there is none (or the cache is off): no compile. A null may leave
    /// an id range claimed for the container; <see cref="ReleaseIds"/> gives it back.
    /// </summary>
    public static PlanCompileResult? Cached(string path, LaunchRequest request, HostFacts host) =>
        PlanCacheEnabled ? DefaultPlanCache().TryCached(path, request, host, Allocator(request.ContainerId)) : null;

    /// <summary>
    /// Removes what containers whose hctr died left under the state root (state, cgroups, image rootfs mounts), with
    /// the host's cgroup layout; returns how many. <c>hctr system gc</c> runs it first, so that a SIGKILLed run's
    /// overlay is unmounted before its layers can be collected.
    /// </summary>
    public static int CleanLeftovers()
    {
        return new ContainerRunner(ContainerRunner.DefaultStateRoot, CgroupsFor(HostProbe.Layout("/sys/fs/cgroup"))).CleanLeftovers();
    }

    /// <summary>Gives back the host id ranges this process claimed for container <paramref name="id"/>.</summary>
    public static void ReleaseIds(string id) => new IdRangeAllocator(ContainerRunner.DefaultStateRoot).Release(id);

    /// <summary>
    /// Runs <paramref name="plan"/> in the foreground under <paramref name="id"/> and returns the exit code: the
    /// container's (128+N for signal N), or 125 with one line on <paramref name="stderr"/> for hctr's own failures.
    /// </summary>
    public static int Launch(string id, LaunchPlan plan, string initExecutable, TextWriter stderr,
        Func<string, IDisposable>? prepareRootfs = null)
    {
        // The plan's settings are spelled for one layout; the compiler chose it from the probed host.
        ICgroupManager cgroups = CgroupsFor(plan.Cgroup.Layout);
        var runner = new ContainerRunner(ContainerRunner.DefaultStateRoot, cgroups);
        try
        {
            var options = new LaunchOptions
            {
                InitExecutable = initExecutable,
                InitEnvironment = DotnetEnvironment(),
                Cgroups = cgroups,
            };
            var result = runner.Run(id, plan, options, prepareRootfs);
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
        catch (Images.Unpack.UnpackException e)
        {
            stderr.WriteLine($"hctr: layer refused ({e.Reason}): {e.Message}");
            return HctrFailure;
        }
        catch (Images.Registry.RegistryException e)
        {
            stderr.WriteLine($"hctr: {e.Reason}: {e.Message}");
            return HctrFailure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            stderr.WriteLine($"hctr: {e.Message}");
            return HctrFailure;
        }
    }

    private static ICgroupManager CgroupsFor(CgroupLayout layout) => layout == CgroupLayout.V2 ? new CgroupV2Manager() : new CgroupV1Manager();

    private static bool PlanCacheEnabled => Environment.GetEnvironmentVariable("HCTR_NO_PLAN_CACHE") != "1";

    private static PlanCache DefaultPlanCache() => new(PlanCache.DefaultDirectory(ContainerRunner.DefaultStateRoot));

    private static Func<uint, uint> Allocator(string id) => size =>
        IdRangeAllocator.ForHost(ContainerRunner.DefaultStateRoot, Environment.GetEnvironmentVariable(IdRangeAllocator.BaseVariable))
            .Claim(id, size);

    /// <summary>The init stage gets no host environment but what a JIT-hosted init stage needs to start (DOTNET_*).</summary>
    private static string[] DotnetEnvironment()
    {
        var list = new List<string>();
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            if (((string)e.Key).StartsWith("DOTNET_", StringComparison.Ordinal))
            {
                list.Add($"{e.Key}={e.Value}");
            }
        }

        return [.. list];
    }
}
