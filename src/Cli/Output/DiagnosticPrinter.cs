using Hctr.Policy.Diagnostics;

namespace Hctr.Cli.Output;

/// <summary>Prints diagnostics like a compiler: one line each on stderr, then a count.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter? to = null)
    {
        to ??= Console.Error;
        foreach (var d in diagnostics)
        {
            to.WriteLine(d.Render());
        }
    }

    public static string Summary(IReadOnlyCollection<Diagnostic> ds)
    {
        var errors = ds.Count(d => d.IsError);
        var warnings = ds.Count - errors;
        return $"{errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}";
    }
}
