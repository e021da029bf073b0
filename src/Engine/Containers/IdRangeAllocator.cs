using System.Globalization;

namespace Hctr.Engine.Containers;

/// <summary>
/// Gives each container with <c>userNamespace: auto</c> its own range of host ids, so two containers never
/// share host uids. Ranges are slots of <see cref="SlotSize"/> ids from <see cref="FirstHostId"/> on; a claim
/// is a file <c>{stateRoot}/idranges/{slot}</c> created with O_EXCL that names the container. A claim whose
/// container has no state directory any more (and is older than a minute, to cover the launch window) is
/// stale and may be taken again.
/// </summary>
public sealed class IdRangeAllocator(string stateRoot)
{
    public const uint FirstHostId = 1_000_000;
    public const uint SlotSize = 65536;
    public const int Slots = 60_000;

    private string Dir => Path.Combine(stateRoot, "idranges");

    /// <summary>Claims enough consecutive slots for <paramref name="size"/> ids and returns the first host id.</summary>
    public uint Claim(string containerId, uint size)
    {
        Directory.CreateDirectory(Dir);
        var needed = (int)Math.Max(1, (size + (ulong)SlotSize - 1) / SlotSize);
        for (var first = 0; first + needed <= Slots; first++)
        {
            if (TryClaimRun(containerId, first, needed))
            {
                return FirstHostId + (uint)first * SlotSize;
            }
        }

        throw new InvalidOperationException($"no free range of {size} host ids for a user namespace (all {Slots} slots in use)");
    }

    /// <summary>Releases every slot this container holds.</summary>
    public void Release(string containerId)
    {
        if (!Directory.Exists(Dir))
        {
            return;
        }

        foreach (var f in Directory.GetFiles(Dir))
        {
            if (ReadOwner(f) == containerId)
            {
                File.Delete(f);
            }
        }
    }

    private bool TryClaimRun(string id, int first, int count)
    {
        var taken = new List<string>();
        for (var slot = first; slot < first + count; slot++)
        {
            var file = Path.Combine(Dir, slot.ToString(CultureInfo.InvariantCulture));
            if (!TryClaim(file, id))
            {
                taken.ForEach(File.Delete);
                return false;
            }

            taken.Add(file);
        }

        return true;
    }

    private bool TryClaim(string file, string id)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                using var fs = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                fs.Write(System.Text.Encoding.UTF8.GetBytes(id));
                return true;
            }
            catch (IOException) when (File.Exists(file))
            {
                if (!IsStale(file))
                {
                    return false;
                }

                File.Delete(file);
            }
        }

        return false;
    }

    private bool IsStale(string file)
    {
        var owner = ReadOwner(file);
        return owner is not null && !Directory.Exists(Path.Combine(stateRoot, owner))
            && File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddMinutes(-1);
    }

    private static string? ReadOwner(string file)
    {
        try
        {
            var text = File.ReadAllText(file).Trim();
            return text.Length == 0 || text.Contains('/') || text.Contains("..", StringComparison.Ordinal) ? null : text;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
