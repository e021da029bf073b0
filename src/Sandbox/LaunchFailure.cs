using System.Globalization;
using System.Text;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox;

/// <summary>
/// The one structured record a failed launch sends back over the error pipe: the step (mounts, seccomp,
/// exec...), the syscall, errno, the path it acted on, and the profile line the step came from. The wire form
/// is five fields separated by US (0x1f) and ended by LF; native/hctr_spawn.c writes the same form. The init
/// stage may add a sixth, a hint saying how to fix it.
/// </summary>
public sealed record LaunchFailure(string Step, string Syscall, int Errno, string Path, string Origin, string Hint = "")
{
    private const char Separator = '\x1f';

    public string ErrnoName => Interop.Errno.Name(Errno);

    /// <summary>125 for hctr's own failures; 127 when the command is not found, 126 when it cannot be executed (like docker).</summary>
    public int ExitCode => Step != "exec" ? 125 : Errno == Interop.Errno.ENOENT ? 127 : 126;

    /// <summary>e.g. <c>web-strict.yaml:22: mount /proc: EPERM (step mounts)</c>, then <c>: hint</c> when there is one.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        if (Origin.Length > 0)
        {
            sb.Append(Origin).Append(": ");
        }

        sb.Append(Syscall);
        if (Path.Length > 0)
        {
            sb.Append(' ').Append(Path);
        }

        sb.Append(": ").Append(ErrnoName).Append(" (step ").Append(Step).Append(')');
        if (Hint.Length > 0)
        {
            sb.Append(": ").Append(Hint);
        }

        return sb.ToString();
    }

    public byte[] ToWire()
    {
        string[] fields = [Clean(Step), Clean(Syscall), Errno.ToString(CultureInfo.InvariantCulture), Clean(Path), Clean(Origin)];
        return Encoding.UTF8.GetBytes(string.Join(Separator, Hint.Length > 0 ? [.. fields, Clean(Hint)] : fields) + "\n");
    }

    /// <summary>Parses the first record in <paramref name="wire"/>; null when there is none (the launch succeeded).</summary>
    public static LaunchFailure? TryParse(ReadOnlySpan<byte> wire)
    {
        if (wire.IsEmpty)
        {
            return null;
        }

        string text = Encoding.UTF8.GetString(wire);
        int end = text.IndexOf('\n', StringComparison.Ordinal);
        string[] f = (end < 0 ? text : text[..end]).Split(Separator);
        if (f.Length is not (5 or 6) || !int.TryParse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int errno))
        {
            return new LaunchFailure("init", "protocol", Interop.Errno.EINVAL, "malformed error record", "");
        }

        return new LaunchFailure(f[0], f[1], errno, f[3], f[4], f.Length == 6 ? f[5] : "");
    }

    private static string Clean(string s) => s.Replace(Separator, ' ').Replace('\n', ' ');
}
