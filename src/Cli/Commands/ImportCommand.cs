using System.CommandLine;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Hctr.Cli.Output;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Import;
using Hctr.Policy.Seccomp;

namespace Hctr.Cli.Commands;

/// <summary>
/// <c>hctr profile import FILE --from docker-seccomp [--caps CAP,...] [--arch x86_64] [--kernel 6.1] [--name NAME] [-o OUT.yaml]</c>:
/// a Docker/OCI seccomp JSON profile → an hctr profile, resolved for one capability set, arch and kernel.
/// Nothing is written when there is an error.
/// </summary>
internal static class ImportCommand
{
    /// <summary>The same cap as profiles: an import source is small.</summary>
    private const int MaxBytes = 1 << 20;

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The Docker seccomp JSON (or OCI linux.seccomp object) to convert." };
        var from = new Option<string>("--from") { Description = "The input format: docker-seccomp.", Required = true };
        from.AcceptOnlyFromAmong("docker-seccomp");
        var caps = new Option<string?>("--caps")
        {
            Description = "Capabilities the container has (comma-separated, CAP_ prefix optional; \"\" for none). Default: Docker's 14 defaults.",
        };
        var arch = new Option<string>("--arch") { Description = "Native architecture to resolve for.", DefaultValueFactory = _ => "x86_64" };
        arch.AcceptOnlyFromAmong("x86_64", "aarch64");
        var kernel = new Option<string>("--kernel") { Description = "Kernel version for minKernel (major.minor).", DefaultValueFactory = _ => "6.1" };
        var name = new Option<string?>("--name") { Description = "metadata.name of the new profile (default: from the file name)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the YAML here (atomically) instead of standard output." };
        var cmd = new Command("import", "Convert a Docker seccomp profile into an hctr profile, preserving its decisions.")
        {
            file, from, caps, arch, kernel, name, output,
        };
        cmd.SetAction(parse =>
        {
            if (!TryKernel(parse.GetValue(kernel)!, out var version))
            {
                Console.Error.WriteLine($"hctr: --kernel '{parse.GetValue(kernel)}' is not a version like 6.1");
                return ExitCodes.Usage;
            }

            var path = parse.GetValue(file)!;
            if (Read(path) is not { } json)
            {
                return ExitCodes.Usage;
            }

            var options = new ImportOptions
            {
                Capabilities = parse.GetValue(caps) is { } list ? Split(list) : ImportOptions.DockerDefaultCapabilities,
                Arch = parse.GetValue(arch) == "aarch64" ? SeccompArch.Aarch64 : SeccompArch.X86_64,
                Kernel = version,
                Name = parse.GetValue(name),
            };
            var result = DockerSeccompImporter.Import(json, path, options);
            DiagnosticPrinter.Print(result.Diagnostics);
            if (result.Yaml is null)
            {
                Console.Error.WriteLine($"{path}: not imported ({DiagnosticPrinter.Summary(result.Diagnostics)})");
                return ExitCodes.Findings;
            }

            return OutputWriter.Write(parse.GetValue(output), Encoding.UTF8.GetBytes(result.Yaml)) ? ExitCodes.Ok : ExitCodes.Usage;
        });
        return cmd;
    }

    private static ImmutableArray<string> Split(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool TryKernel(string text, out Version version)
    {
        version = new Version(0, 0);
        var parts = text.Split('.');
        if (parts.Length is < 2 or > 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new Version(major, minor);
        return true;
    }

    private static string? Read(string path)
    {
        var at = new SourceLocation(path, 0, 0);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                Print(new Diagnostic(Severity.Error, DiagnosticCodes.FileNotFound, "no such file", at));
                return null;
            }

            if (info.Length > MaxBytes)
            {
                Print(new Diagnostic(Severity.Error, DiagnosticCodes.FileTooLarge, $"the file is larger than {MaxBytes} bytes", at));
                return null;
            }

            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Print(new Diagnostic(Severity.Error, DiagnosticCodes.FileUnreadable, ex.Message, at));
            return null;
        }
    }

    private static void Print(Diagnostic d) => DiagnosticPrinter.Print([d]);
}
