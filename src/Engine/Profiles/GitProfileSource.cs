using System.Diagnostics;
using System.Text;
using Hctr.Policy.Loading;

namespace Hctr.Engine.Profiles;

/// <summary>
/// Reads profiles as they were at a git revision (<c>git show REV:path</c>, run in the working directory).
/// <c>extends:</c> references resolve relative to the naming file's directory inside the same revision.
/// Names read <c>git:REV:path</c> so diagnostics say which revision they are about. Output is capped at
/// <see cref="FileProfileSource.MaxBytes"/>.
/// </summary>
public sealed class GitProfileSource(string revision, string? workingDirectory = null) : IProfileSource
{
    public const string Prefix = "git:";

    private readonly string _cwd = workingDirectory ?? Directory.GetCurrentDirectory();

    public string Revision => revision;

    /// <summary>Splits <c>git:REV:path</c>; false for anything else.</summary>
    public static bool TryParse(string reference, out string revision, out string path)
    {
        revision = path = "";
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = reference[Prefix.Length..];
        var colon = rest.IndexOf(':');
        if (colon <= 0 || colon == rest.Length - 1)
        {
            return false;
        }

        (revision, path) = (rest[..colon], rest[(colon + 1)..]);
        return true;
    }

    public ProfileText Read(string reference, string? from)
    {
        var path = TryParse(reference, out _, out var p) ? p : reference;
        if (from is not null && TryParse(from, out _, out var fromPath))
        {
            var dir = System.IO.Path.GetDirectoryName(fromPath) ?? "";
            path = Normalize(System.IO.Path.Combine(dir, path));
        }

        path = Normalize(path);
        var name = $"{Prefix}{revision}:{path}";
        if (revision.StartsWith('-'))
        {
            return ProfileText.Missing(name, "a revision cannot start with '-'");
        }

        return Show($"{revision}:./{path}", name);
    }

    /// <summary>Checks that the revision names a commit, so a typo fails once and clearly.</summary>
    public bool TryVerify(out string error)
    {
        var r = Run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], 4096);
        error = r.Exit == 0 ? "" : $"unknown git revision '{revision}'{(r.Error.Length > 0 ? ": " + r.Error : "")}";
        return r.Exit == 0;
    }

    private ProfileText Show(string spec, string name)
    {
        var r = Run(["show", "--no-textconv", spec], FileProfileSource.MaxBytes);
        if (r.Exit != 0)
        {
            return ProfileText.Missing(name, r.Error.Length > 0 ? r.Error : $"git show exited with {r.Exit}");
        }

        return r.Output.Length > FileProfileSource.MaxBytes
            ? ProfileText.Missing(name, $"the file is larger than {FileProfileSource.MaxBytes} bytes")
            : ProfileText.Found(name, r.Output);
    }

    /// <summary>Runs git with a cap on the output kept (one char over the cap marks "too large").</summary>
    private (int Exit, string Output, string Error) Run(string[] args, int maxChars)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = _cwd, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            using var proc = Process.Start(psi) ?? throw new InvalidOperationException("git did not start");
            var errTask = proc.StandardError.ReadToEndAsync();
            var buf = new char[maxChars + 1];
            var n = proc.StandardOutput.ReadBlock(buf, 0, buf.Length);
            proc.StandardOutput.ReadToEnd();
            proc.WaitForExit();
            var err = errTask.Result.Trim();
            return (proc.ExitCode, new string(buf, 0, n), err.Length > 0 ? err.Split('\n')[0] : "");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return (-1, "", $"cannot run git: {ex.Message}");
        }
    }

    /// <summary>Resolves "." and inner ".."; leading ".." stay (git resolves <c>REV:./../x</c> from the working directory).</summary>
    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        var sb = new StringBuilder();
        return sb.AppendJoin('/', parts).ToString();
    }
}
