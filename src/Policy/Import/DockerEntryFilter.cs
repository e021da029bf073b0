using System.Globalization;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Import;

/// <summary>
/// Decides whether a <c>syscalls</c> entry applies, the way moby's <c>setupSeccomp</c> does: an entry is
/// skipped when excludes names the native arch, any excluded capability is in the set, or the kernel is at
/// least excludes.minKernel; then it is skipped unless includes names the native arch (when arches are
/// listed), every included capability is in the set, and the kernel is at least includes.minKernel.
/// </summary>
internal sealed class DockerEntryFilter(IReadOnlySet<string> caps, SeccompArch native, Version kernel, string source, DiagnosticBag d)
{
    public bool Applies(DockerSyscallEntry e)
    {
        if (e.Excludes is { } ex)
        {
            if (ex.Arches.Any(a => DockerArchitectures.IsNative(a, native))
                || ex.Caps.Any(c => caps.Contains(Canonical(c)))
                || (ex.MinKernel is { } k && KernelAtLeast(k, e, "excludes")))
            {
                return false;
            }
        }

        if (e.Includes is { } inc)
        {
            if ((!inc.Arches.IsEmpty && !inc.Arches.Any(a => DockerArchitectures.IsNative(a, native)))
                || inc.Caps.Any(c => !caps.Contains(Canonical(c)))
                || (inc.MinKernel is { } k && !KernelAtLeast(k, e, "includes")))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>CAP_SYS_ADMIN form, upper case.</summary>
    public static string Canonical(string cap)
    {
        var upper = cap.Trim().ToUpperInvariant();
        return upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper : "CAP_" + upper;
    }

    private bool KernelAtLeast(string text, DockerSyscallEntry e, string block)
    {
        if (!TryParseKernel(text, out var min))
        {
            d.Error(DiagnosticCodes.ImportInvalid, new SourceLocation(source, 0, 0), $"minKernel '{text}' is not a kernel version like 4.8",
                $"$.syscalls[{e.Index}].{block}.minKernel");
            return false;
        }

        return kernel.Major != min.Major ? kernel.Major > min.Major : kernel.Minor >= min.Minor;
    }

    /// <summary>"major.minor", as moby accepts it.</summary>
    public static bool TryParseKernel(string text, out Version version)
    {
        version = new Version(0, 0);
        var parts = text.Split('.');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new Version(major, minor);
        return true;
    }
}
