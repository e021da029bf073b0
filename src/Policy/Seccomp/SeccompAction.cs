namespace Hctr.Policy.Seccomp;

/// <summary>What a filter returns. <see cref="Data"/> is the errno for Errno, the value for Trace.</summary>
public readonly record struct SeccompAction(SeccompActionKind Kind, ushort Data = 0)
{
    public static SeccompAction Allow => new(SeccompActionKind.Allow);

    // Minimal parser until the seccomp branch lands with the full errno table.
    public static bool TryParse(string text, out SeccompAction action, out string? error)
    {
        action = default;
        error = null;
        switch (text)
        {
            case "allow": action = new(SeccompActionKind.Allow); return true;
            case "log": action = new(SeccompActionKind.Log); return true;
            case "kill-process": action = new(SeccompActionKind.KillProcess); return true;
            case "kill-thread": action = new(SeccompActionKind.KillThread); return true;
            case "trap": action = new(SeccompActionKind.Trap); return true;
            case "notify": action = new(SeccompActionKind.Notify); return true;
        }

        if (text.StartsWith("errno(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            var v = text[6..^1];
            ushort n = v switch { "EPERM" => 1, "ENOENT" => 2, "EACCES" => 13, "ENOSYS" => 38, _ => 0 };
            if (n == 0 && !ushort.TryParse(v, out n))
            {
                error = $"unknown errno '{v}'";
                return false;
            }

            action = new(SeccompActionKind.Errno, n);
            return true;
        }

        error = $"unknown action '{text}'";
        return false;
    }

    public uint ToRet() => Kind switch
    {
        SeccompActionKind.KillProcess => 0x80000000u,
        SeccompActionKind.KillThread => 0u,
        SeccompActionKind.Trap => 0x00030000u,
        SeccompActionKind.Errno => 0x00050000u | Data,
        SeccompActionKind.Notify => 0x7fc00000u,
        SeccompActionKind.Trace => 0x7ff00000u | Data,
        SeccompActionKind.Log => 0x7ffc0000u,
        SeccompActionKind.Allow => 0x7fff0000u,
        _ => 0x80000000u,
    };
}
