namespace Hctr.Sandbox.Tests.Front;

/// <summary>
/// What the front-binary tests share: a busybox rootfs, a private copy of profiles/default.yaml (an auto user
/// namespace; no other test compiles this path, so its plan-cache entries are the test's own) and an environment
/// whose <c>HCTR_ID_BASE</c> is a random slot high up, so the range a run claims, and so the cache entry it finds,
/// does not depend on other containers on the machine.
/// </summary>
public sealed class FrontSetup : IDisposable
{
    private readonly BusyboxRootfs _rootfs = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-front-").FullName;

    public FrontSetup()
    {
        Profile = Path.Combine(_dir, "default.yaml");
        File.Copy(Path.Combine(HctrBinary.RepoRoot, "profiles", "default.yaml"), Profile);
        uint idBase = 3_000_000_000u + ((uint)Random.Shared.Next(0, 4096) * 65536u);
        Env = new Dictionary<string, string?>
        {
            ["HCTR_ID_BASE"] = idBase.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HCTR_NO_PLAN_CACHE"] = null,
        };
    }

    public string Profile { get; }

    public string Rootfs => _rootfs.Path;

    public IReadOnlyDictionary<string, string?> Env { get; }

    /// <summary>The environment with the plan cache switched off.</summary>
    public IReadOnlyDictionary<string, string?> NoCache => new Dictionary<string, string?>(Env) { ["HCTR_NO_PLAN_CACHE"] = "1" };

    /// <summary><c>run --profile P --rootfs R OPTIONS -- CMD...</c></summary>
    public string[] RunArgs(IEnumerable<string> options, params string[] command) =>
        ["run", "--profile", Profile, "--rootfs", Rootfs, .. options, "--", .. command];

    public void Dispose()
    {
        _rootfs.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
