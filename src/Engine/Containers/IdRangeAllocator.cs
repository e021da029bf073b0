using System.Globalization;

namespace Hctr.Engine.Containers;

/// <summary>
/// Gives each container with <c>userNamespace: auto</c> its own range of host ids, so two containers never
/// share host uids. Ranges are made of slots of <see cref="SlotSize"/> ids from the base on (default
/// <see cref="FirstHostId"/>, or <c>$HCTR_ID_BASE</c> through <see cref="ForHost"/>). A claim is a file
/// <c>{stateRoot}/idranges/{first host id of the slot}</c> that names the container, created under a lock file.
/// A claim whose container has no state directory any more (and is older than a minute, to cover the launch
/// window) is stale and may be taken again. Slots that overlap a range delegated to users in /etc/subuid or
/// /etc/subgid are skipped: such a user could own the container's files from a namespace of their own.
/// Claims are named by absolute host id and every candidate is checked against all live claims, so runs with
/// different bases never overlap.
/// </summary>
public sealed class IdRangeAllocator(string stateRoot, uint firstHostId = IdRangeAllocator.FirstHostId,
    string subuidPath = SubordinateIds.SubuidPath, string subgidPath = SubordinateIds.SubgidPath, int? claimantPid = null)
{
    /// <summary>The process a claim is made by and released by (the running hctr; tests name others).</summary>
    private readonly int _claimant = claimantPid ?? Environment.ProcessId;

    public const uint FirstHostId = 1_000_000;
    public const uint SlotSize = 65536;
    public const string BaseVariable = "HCTR_ID_BASE";

    /// <summary>uid_t -1 is never a valid id: a range must end at or below it.</summary>
    private const ulong HostIdEnd = uint.MaxValue;
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private string Dir => Path.Combine(stateRoot, "idranges");

    /// <summary>The host's allocator: <paramref name="baseSetting"/> is <c>$HCTR_ID_BASE</c> (null or empty: the default).</summary>
    public static IdRangeAllocator ForHost(string stateRoot, string? baseSetting)
    {
        if (string.IsNullOrEmpty(baseSetting))
        {
            return new IdRangeAllocator(stateRoot);
        }

        if (!uint.TryParse(baseSetting, NumberStyles.None, CultureInfo.InvariantCulture, out uint first)
            || first < SlotSize || first > HostIdEnd - SlotSize)
        {
            throw new IdRangeException(
                $"{BaseVariable}='{baseSetting}' is not a usable first host id",
                $"a number from {SlotSize} (above ordinary users) to {HostIdEnd - SlotSize}, or unset for {FirstHostId}");
        }

        return new IdRangeAllocator(stateRoot, first);
    }

    /// <summary>Claims enough consecutive slots for <paramref name="size"/> ids and returns the first host id.</summary>
    public uint Claim(string containerId, uint size)
    {
        var delegated = SubordinateIds.Read(subuidPath).Concat(SubordinateIds.Read(subgidPath)).ToList();
        ulong length = Math.Max(1, (size + (ulong)SlotSize - 1) / SlotSize) * SlotSize;
        Directory.CreateDirectory(Dir);
        using var _ = Lock();
        var live = LiveClaims();
        int skipped = 0;
        for (ulong start = firstHostId; start + length <= HostIdEnd; start += SlotSize)
        {
            if (delegated.Any(d => Overlaps(start, length, d.Start, d.Count)))
            {
                skipped++;
                continue;
            }

            if (!live.Any(c => Overlaps(start, length, c, SlotSize)))
            {
                WriteClaims(containerId, start, length);
                return (uint)start;
            }
        }

        throw new IdRangeException(
            $"no free range of {size} host ids from {firstHostId} for a user namespace ({live.Count} slots in use, {skipped} candidates overlap ranges delegated in {subuidPath} or {subgidPath})",
            $"stop containers, or set {BaseVariable} to a first host id with room above it");
    }

    /// <summary>
    /// Releases every slot this process claimed for the container. A claim names its claimant's pid too: a second
    /// run under a name already in use fails, and must not release the running container's range as it ends (two
    /// containers would then share host ids).
    /// </summary>
    public void Release(string containerId)
    {
        if (!Directory.Exists(Dir))
        {
            return;
        }

        foreach (var f in ClaimFiles())
        {
            if (ReadClaim(f) is { } c && c.Owner == containerId && c.Pid == _claimant)
            {
                File.Delete(f);
            }
        }
    }

    private static bool Overlaps(ulong start, ulong length, ulong otherStart, ulong otherLength) =>
        start < otherStart + otherLength && otherStart < start + length;

    private void WriteClaims(string id, ulong start, ulong length)
    {
        var written = new List<string>();
        try
        {
            for (ulong slot = start; slot < start + length; slot += SlotSize)
            {
                string file = Path.Combine(Dir, slot.ToString(CultureInfo.InvariantCulture));
                using var fs = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                written.Add(file);
                fs.Write(System.Text.Encoding.UTF8.GetBytes($"{id}\n{_claimant.ToString(CultureInfo.InvariantCulture)}\n"));
            }
        }
        catch
        {
            written.ForEach(File.Delete);
            throw;
        }
    }

    /// <summary>First host ids of the slots claimed by live containers; stale claims are removed on the way.</summary>
    private List<ulong> LiveClaims()
    {
        var live = new List<ulong>();
        foreach (string file in ClaimFiles())
        {
            if (IsStale(file))
            {
                File.Delete(file);
            }
            else
            {
                live.Add(ulong.Parse(Path.GetFileName(file), CultureInfo.InvariantCulture));
            }
        }

        return live;
    }

    private IEnumerable<string> ClaimFiles() =>
        Directory.EnumerateFiles(Dir).Where(f => ulong.TryParse(Path.GetFileName(f), NumberStyles.None, CultureInfo.InvariantCulture, out _));

    private FileStream Lock()
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix, released with the stream.
                return new FileStream(Path.Combine(Dir, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }
        }
    }

    private bool IsStale(string file)
    {
        var owner = ReadClaim(file)?.Owner;
        return owner is not null && !Directory.Exists(Path.Combine(stateRoot, owner))
            && File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddMinutes(-1);
    }

    /// <summary>A claim file: the container id, then the claimant's pid (null when unreadable or malformed). A claim
    /// without a pid line (written before claims named their claimant) can go stale but is released by no one.</summary>
    private static (string Owner, int Pid)? ReadClaim(string file)
    {
        try
        {
            var lines = File.ReadAllText(file).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            int pid = -1;
            if (lines.Length is 0 or > 2 || (lines.Length == 2 && !int.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out pid)))
            {
                return null;
            }

            var owner = lines[0];
            return owner.Length == 0 || owner.Contains('/') || owner.Contains("..", StringComparison.Ordinal) ? null : (owner, pid);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
