using System.Globalization;
using System.Text;

namespace Hctr.Engine.Containers;

/// <summary>
/// What a running container leaves in <c>{stateRoot}/{id}/state</c> so that a later hctr can clean up after a
/// SIGKILLed one: the hctr process (pid and start time, to tell it from a recycled pid), the container's init
/// pid and its cgroup directories. Plain "key value" lines.
/// </summary>
public sealed record ContainerState(string Id, int HctrPid, ulong HctrStartTime, int InitPid, IReadOnlyList<string> CgroupDirectories)
{
    /// <summary>
    /// Cgroup directories the run is about to create (recorded before the mkdir, until <see cref="CgroupDirectories"/>
    /// names what it made). A leftover's pending directories are removed only if empty, never killed: one may be
    /// another container's, whose mkdir won the name.
    /// </summary>
    public IReadOnlyList<string> PendingCgroupDirectories { get; init; } = [];

    public string Serialize()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"id {Id}\nhctr-pid {HctrPid}\nhctr-start {HctrStartTime}\ninit-pid {InitPid}\n");
        foreach (string dir in CgroupDirectories)
        {
            sb.Append("cgroup ").Append(dir).Append('\n');
        }

        foreach (string dir in PendingCgroupDirectories)
        {
            sb.Append("cgroup-pending ").Append(dir).Append('\n');
        }

        return sb.ToString();
    }

    public static ContainerState? TryParse(string text)
    {
        string id = "";
        int hctrPid = 0, initPid = 0;
        ulong start = 0;
        var dirs = new List<string>();
        var pending = new List<string>();
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int sp = line.IndexOf(' ', StringComparison.Ordinal);
            if (sp <= 0)
            {
                return null;
            }

            string key = line[..sp], value = line[(sp + 1)..];
            bool ok = key switch
            {
                "id" => (id = value).Length > 0,
                "hctr-pid" => int.TryParse(value, CultureInfo.InvariantCulture, out hctrPid),
                "hctr-start" => ulong.TryParse(value, CultureInfo.InvariantCulture, out start),
                "init-pid" => int.TryParse(value, CultureInfo.InvariantCulture, out initPid),
                "cgroup" => Add(dirs, value),
                "cgroup-pending" => Add(pending, value),
                _ => true,
            };
            if (!ok)
            {
                return null;
            }
        }

        return id.Length == 0 ? null : new ContainerState(id, hctrPid, start, initPid, dirs) { PendingCgroupDirectories = pending };
    }

    private static bool Add(List<string> list, string value)
    {
        list.Add(value);
        return true;
    }
}
