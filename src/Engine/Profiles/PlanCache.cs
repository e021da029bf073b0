using System.Globalization;
using System.Text;
using Hctr.Policy.Compile;
using Hctr.Policy.Host;
using Hctr.Policy.Plan;

namespace Hctr.Engine.Profiles;

/// <summary>
/// Compiled plans kept between runs, keyed by content: the sha256 of the compiler's identity, the working
/// directory (diagnostics name files relative to it), the host facts, the launch request and the text of every
/// profile file in the <c>extends:</c> chain. A hit re-reads and re-hashes each of those files, so an edited
/// profile (or parent) is never served stale; only compiles without errors are kept; the container id and the
/// rootfs path, which reach a plan only as its cgroup name and rootfs path, are bound after the lookup
/// (<see cref="PlanBinder"/>).
/// <para>
/// An auto user-namespace range is part of the plan (its id maps), so entries are per range start: the profile's
/// range size is kept beside the entries, the range is claimed first, and the entry for that start is looked up.
/// </para>
/// <para>
/// The directory must be root's alone (mode 0700, no symlink): a plan from anywhere else could widen what a
/// container may do. When that cannot be ensured the cache is not used; the profile is compiled as usual.
/// </para>
/// </summary>
public sealed class PlanCache(string directory)
{
    /// <summary>Beyond this many entries the oldest half is removed.</summary>
    public const int MaxEntries = 512;

    /// <summary>The compiler's build: the Policy assembly (a JIT host) or the hctr executable (NativeAOT), by size and time.</summary>
    private static readonly string CompilerIdentity = Identity();

    public static string DefaultDirectory(string stateRoot) => Path.Combine(stateRoot, "plan-cache");

    public PlanCompileResult Compile(string path, LaunchRequest request, HostFacts host, Func<uint, uint>? allocateAutoRange,
        string? workingDirectory = null)
    {
        var cwd = workingDirectory ?? Directory.GetCurrentDirectory();
        var allocate = Memo(allocateAutoRange);
        var (hit, baseKey) = Find(path, request, host, allocate, cwd);
        return hit ?? CompileNow(path, request, host, allocate, cwd, baseKey);
    }

    /// <summary>
    /// The entry <see cref="Compile"/> would serve, or null where it would compile: a lookup that never compiles
    /// (the front binary's fast path, which hands a miss to the full CLI). Like <see cref="Compile"/> it may claim an
    /// auto id range first; after a null the caller releases it.
    /// </summary>
    public PlanCompileResult? TryCached(string path, LaunchRequest request, HostFacts host, Func<uint, uint>? allocateAutoRange,
        string? workingDirectory = null) =>
        Find(path, request, host, Memo(allocateAutoRange), workingDirectory ?? Directory.GetCurrentDirectory()).Hit;

    /// <summary>The hit for this compile, if any, and the key a compile after a miss stores under (null: do not store).</summary>
    private (PlanCompileResult? Hit, string? BaseKey) Find(string path, LaunchRequest request, HostFacts host, Func<uint, uint>? allocate,
        string cwd)
    {
        if (!PlanBinder.IsValidContainerId(request.ContainerId) || !EnsureDirectory())
        {
            return (null, null);
        }

        var files = new FileProfileSource(cwd);
        var full = files.FullPath(path, null);
        if (files.Read(full, null).Text is not { } leaf)
        {
            return (null, null);
        }

        var leafHash = PlanCacheHash.OfText(leaf);
        var baseKey = PlanCacheHash.OfFields("hctr-plan-cache/1", CompilerIdentity, cwd, path, leafHash, host.ToString(), RequestKey(request));
        uint? start;
        try
        {
            start = ReadAutoSize(baseKey) switch
            {
                null => null,
                0 => request.AutoIdRangeStart,
                var size => allocate is null ? request.AutoIdRangeStart : allocate(size.Value),
            };
        }
        catch (Containers.IdRangeException)
        {
            start = null; // the compile after the miss claims again and reports it at the profile's userNamespace line
        }

        if (start is { } s && Lookup(EntryKey(baseKey, s), files, new PlanCacheDependency(full, leafHash)) is { } hit)
        {
            return (hit with { Plan = PlanBinder.Bind(hit.Plan!, request.ContainerId, request.RootfsPath) }, baseKey);
        }

        return (null, baseKey);
    }

    /// <summary>The same compile without the cache (<c>HCTR_NO_PLAN_CACHE=1</c>, and whenever the cache cannot be used).</summary>
    public static PlanCompileResult CompileUncached(string path, LaunchRequest request, HostFacts host, Func<uint, uint>? allocateAutoRange)
    {
        var (plan, diagnostics) = ProfileFiles.Compile(path, request, host, allocateAutoRange);
        return Result(plan, diagnostics);
    }

    /// <summary>The parts of a request that a compile reads, except the id and rootfs path (bound later) and the auto range (per entry).</summary>
    internal static string RequestKey(LaunchRequest r)
    {
        var sb = new StringBuilder();
        void Field(string name, string value) => sb.Append(name).Append('=').Append(value.Length).Append(':').Append(value).Append(';');
        void List(string name, IEnumerable<string> values)
        {
            var items = values.ToList();
            Field(name, items.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var v in items)
            {
                Field(name + "[]", v);
            }
        }

        List("argv", r.Argv);
        List("env", r.Env);
        Field("cwd", r.Cwd);
        Field("uid", r.Uid.ToString(CultureInfo.InvariantCulture));
        Field("gid", r.Gid.ToString(CultureInfo.InvariantCulture));
        List("gids", r.AdditionalGids.Select(g => g.ToString(CultureInfo.InvariantCulture)));
        Field("hostname", r.Hostname);
        List("volumes", r.Volumes.Select(v => $"{v.Source.Length}:{v.Source}{v.Target.Length}:{v.Target}{v.Mode}"));
        Field("network", r.Network?.ToString() ?? "");
        Field("terminal", r.Terminal ? "1" : "0");
        Field("init", r.Init ? "1" : "0");
        return sb.ToString();
    }

    private static string EntryKey(string baseKey, uint start) =>
        PlanCacheHash.OfFields(baseKey, start.ToString(CultureInfo.InvariantCulture));

    /// <summary>The entry for <paramref name="key"/> if every file it was compiled from still holds the same text
    /// (<paramref name="leaf"/> was just read and hashed for the key).</summary>
    private PlanCompileResult? Lookup(string key, FileProfileSource files, PlanCacheDependency leaf)
    {
        var file = Path.Combine(directory, key + ".plan");
        byte[] data;
        try
        {
            data = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (PlanCacheEntry.TryParse(data, key) is not { } entry
            || entry.Dependencies.Any(d => d != leaf && (files.Read(d.Path, null).Text is not { } t || PlanCacheHash.OfText(t) != d.Sha256)))
        {
            return null;
        }

        try
        {
            return new PlanCompileResult(PlanWire.Read(entry.Plan), entry.Messages, HasErrors: false, FromCache: true);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private PlanCompileResult CompileNow(string path, LaunchRequest request, HostFacts host, Func<uint, uint>? allocate, string cwd,
        string? cacheKey)
    {
        var source = new RecordingProfileSource(cwd);
        var (profile, forRun, loadDiagnostics) = ProfileFiles.LoadForRun(path, source, request, allocate);
        if (profile is null)
        {
            return Result(null, loadDiagnostics);
        }

        request = forRun;
        var auto = profile.UserNamespace.Mode.Value == Policy.Model.UserNamespaceMode.Auto;
        var (realId, realRootfs) = (request.ContainerId, request.RootfsPath);
        var cacheable = cacheKey is not null && source.AllFound;
        var compiled = PlanCompiler.Compile(profile,
            cacheable ? request with { ContainerId = PlanBinder.CacheContainerId, RootfsPath = PlanBinder.CacheRootfsPath } : request, host);
        var diagnostics = loadDiagnostics.AddRange(compiled.Diagnostics);
        if (compiled.Plan is not { } plan || diagnostics.Any(d => d.IsError) || !cacheable)
        {
            return Result(compiled.Plan, diagnostics);
        }

        var messages = diagnostics.Select(d => d.Render()).ToList();
        Store(cacheKey!, auto ? profile.UserNamespace.Size : 0, request.AutoIdRangeStart, source.Read, messages, plan);
        return new PlanCompileResult(PlanBinder.Bind(plan, realId, realRootfs), messages, HasErrors: false, FromCache: false);
    }

    private static PlanCompileResult Result(LaunchPlan? plan, IEnumerable<Policy.Diagnostics.Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        return new PlanCompileResult(plan, [.. list.Select(d => d.Render())], list.Any(d => d.IsError), FromCache: false);
    }

    private void Store(string baseKey, uint autoSize, uint start, IReadOnlyList<PlanCacheDependency> deps, IReadOnlyList<string> messages,
        LaunchPlan plan)
    {
        try
        {
            Trim();
            var key = EntryKey(baseKey, start);
            WriteAtomically(Path.Combine(directory, baseKey + ".auto"), Encoding.ASCII.GetBytes(autoSize.ToString(CultureInfo.InvariantCulture)));
            WriteAtomically(Path.Combine(directory, key + ".plan"), new PlanCacheEntry(key, deps, messages, PlanWire.Write(plan)).Serialize());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs the next run a compile.
        }
    }

    private uint? ReadAutoSize(string baseKey)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(directory, baseKey + ".auto"));
            return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Trim()
    {
        var files = new DirectoryInfo(directory).GetFiles();
        if (files.Length < MaxEntries)
        {
            return;
        }

        foreach (var f in files.OrderBy(f => f.LastWriteTimeUtc).Take(files.Length / 2))
        {
            f.Delete();
        }
    }

    private static void WriteAtomically(string path, byte[] data)
    {
        var tmp = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllBytes(tmp, data);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Root's own directory, mode 0700, not a symlink (created so if missing). False: do not use it.</summary>
    private bool EnsureDirectory()
    {
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        try
        {
            if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
            {
                return false;
            }

            var info = new DirectoryInfo(directory);
            if (!info.Exists)
            {
                Directory.CreateDirectory(directory, OwnerOnly);
                info.Refresh();
            }

            return info.Exists && info.LinkTarget is null && info.UnixFileMode == OwnerOnly;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>At most one claim per compile: the lookup and a compile after a miss get the same range.</summary>
    private static Func<uint, uint>? Memo(Func<uint, uint>? allocate)
    {
        if (allocate is null)
        {
            return null;
        }

        (uint Size, uint Start)? claimed = null;
        return size =>
        {
            if (claimed is { } c && c.Size == size)
            {
                return c.Start;
            }

            var start = allocate(size);
            claimed = (size, start);
            return start;
        };
    }

    /// <summary>The published binaries (scripts/setup.sh): the full CLI, which compiles, and the front binary, which
    /// serves hits without it. Both read and write this cache, so both files are its identity.</summary>
    public const string FullCliFileName = "hctr-cli";

    public const string FrontFileName = "hctr";

    private static string Identity()
    {
        // No reflection here (assembly names and attributes cost a metadata walk at every launch under NativeAOT):
        // the files that hold the compiler and the plan reader, by path, size and time, are the identity: the
        // Policy assembly under a JIT host; the two published binaries side by side (the full CLI and the front
        // binary compute the same identity); else the running executable.
        var dll = Path.Combine(AppContext.BaseDirectory, "Hctr.Policy.dll");
        var dir = Path.GetDirectoryName(Environment.ProcessPath) ?? "/";
        string?[] files = File.Exists(dll) ? [dll]
            : File.Exists(Path.Combine(dir, FullCliFileName)) ? [Path.Combine(dir, FullCliFileName), Path.Combine(dir, FrontFileName)]
            : [Environment.ProcessPath];
        var parts = new List<string>();
        foreach (var file in files)
        {
            var info = file is null ? null : new FileInfo(file);
            if (info is not { Exists: true })
            {
                return $"unknown|{Guid.NewGuid()}"; // never matches: no identity, no reuse
            }

            parts.Add($"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}");
        }

        return string.Join(';', parts);
    }
}
