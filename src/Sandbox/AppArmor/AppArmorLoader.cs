using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Hctr.Policy.Plan;

namespace Hctr.Sandbox.AppArmor;

/// <summary>
/// Loads a plan's generated AppArmor profile into the kernel for the length of a launch (the parent's side; the
/// init stage then writes the exec label, see <see cref="Init.AppArmorExecLabel"/>).
/// <para>
/// Load is <c>apparmor_parser -r -K</c> with the profile text on stdin: replace (the profile may be loaded
/// already), no cache (the text is generated per plan; a cache in the host's cache directory would outlive it).
/// Several containers of one security profile share the profile name, and removing a profile moves the tasks it
/// confines to unconfined, so each launch leaves a marker in <c>{stateDir}/{name}/</c> and only the last one
/// out runs <c>apparmor_parser -R -K</c>. Markers of dead hctr processes (SIGKILL) are pruned then. All of it
/// under one lock file. Failing to load fails the launch (closed); failing to unload leaves a profile loaded
/// that confines nothing (safe) and does not mask the container's result.
/// </para>
/// Untested on a real AppArmor host: this project's CI kernel has no AppArmor (docs/sandbox.md).
/// </summary>
internal sealed class AppArmorLoader(string parser = AppArmorLoader.DefaultParser, string stateDir = AppArmorLoader.DefaultStateDir)
{
    public const string DefaultParser = "apparmor_parser";
    public const string DefaultStateDir = "/run/hctr/apparmor";
    private static readonly TimeSpan ParserTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(90);

    public static IReadOnlyList<string> LoadArguments { get; } = ["-r", "-K"];

    public static IReadOnlyList<string> RemoveArguments { get; } = ["-R", "-K"];

    /// <summary>For the launcher: loads when the plan says so (the host has AppArmor), else null.</summary>
    public static IDisposable? LoadIfPlanned(AppArmorPlan plan) => plan.Load ? new AppArmorLoader().Load(plan) : null;

    /// <summary>Loads (or replaces) the profile; disposing the lease unloads it when no other launch uses it.</summary>
    public IDisposable Load(AppArmorPlan plan)
    {
        string dir = UsersDir(plan.ProfileName);
        string marker = Path.Combine(dir, $"{Interop.ProcessCalls.getpid().ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}");
        using (Lock())
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(marker, []);
            try
            {
                RunParser(LoadArguments, plan);
            }
            catch
            {
                File.Delete(marker);
                throw;
            }
        }

        return new Lease(this, plan, marker);
    }

    private void Release(AppArmorPlan plan, string marker)
    {
        using (Lock())
        {
            File.Delete(marker);
            string dir = UsersDir(plan.ProfileName);
            foreach (string other in Directory.EnumerateFiles(dir))
            {
                if (!OwnerAlive(Path.GetFileName(other)))
                {
                    File.Delete(other);
                }
            }

            if (!Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
                RunParser(RemoveArguments, plan);
            }
        }
    }

    /// <summary>A marker is "pid.guid"; its owner is alive while /proc/pid exists (a reused pid only keeps the profile loaded).</summary>
    private static bool OwnerAlive(string marker)
    {
        string pid = marker.Split('.')[0];
        return !int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out _) || Directory.Exists($"/proc/{pid}");
    }

    private string UsersDir(string profileName)
    {
        // The compiler's names are [A-Za-z0-9._-]; refuse anything else rather than build a path from it.
        if (profileName.Length == 0 || profileName.StartsWith('.') || profileName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new InvalidOperationException($"AppArmor profile name '{profileName}' is not a plain name");
        }

        return Path.Combine(stateDir, profileName);
    }

    private FileStream Lock()
    {
        Directory.CreateDirectory(stateDir);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix; released when the stream is disposed.
                return new FileStream(Path.Combine(stateDir, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (deadline.Elapsed < LockTimeout)
            {
                Thread.Sleep(20);
            }
        }
    }

    private void RunParser(IReadOnlyList<string> arguments, AppArmorPlan plan)
    {
        var psi = new ProcessStartInfo(parser)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        string command = $"{parser} {string.Join(' ', arguments)}";
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new IOException($"{command}: could not start");
        }
        catch (Win32Exception e)
        {
            throw new IOException($"{command}: {e.Message} (the host has AppArmor: install apparmor_parser, Debian package 'apparmor')", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            bool written = false;
            try
            {
                process.StandardInput.Write(plan.Text);
                process.StandardInput.Close();
                written = true;
            }
            catch (IOException)
            {
                // The parser stopped reading (it failed early): its exit code and stderr below say why.
            }

            if (!process.WaitForExit(ParserTimeout))
            {
                process.Kill();
                throw new IOException($"{command} (profile {plan.ProfileName}) did not finish in {ParserTimeout.TotalSeconds} s");
            }

            if (process.ExitCode != 0 || !written)
            {
                string why = string.Join(" / ", stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                why = why.Length > 400 ? why[..400] + "..." : why;
                throw new IOException($"{command} (profile {plan.ProfileName}) failed with exit code {process.ExitCode}: {why}");
            }

            _ = stdout.Result;
        }
    }

    private sealed class Lease(AppArmorLoader loader, AppArmorPlan plan, string marker) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                loader.Release(plan, marker);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A profile left loaded confines nothing else; the container's own result must not be masked.
            }
        }
    }
}
