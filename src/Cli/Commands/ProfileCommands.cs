using System.CommandLine;
using Hctr.Cli.Output;
using Hctr.Engine.Profiles;
using Hctr.Policy.Loading;

namespace Hctr.Cli.Commands;

/// <summary><c>hctr profile validate|compile|explain|import</c>: offline work on profiles.</summary>
internal static class ProfileCommands
{
    public static Command Create()
    {
        var cmd = new Command("profile", "Validate, compile, explain and import security profiles.");
        cmd.Subcommands.Add(Validate());
        cmd.Subcommands.Add(CompileCommand.Create());
        cmd.Subcommands.Add(ExplainCommand.Create());
        cmd.Subcommands.Add(ImportCommand.Create());
        cmd.Subcommands.Add(LintCommand.Create());
        cmd.Subcommands.Add(DiffCommand.Create());
        cmd.Subcommands.Add(AuditCommand.Create());
        cmd.Subcommands.Add(Digest());
        return cmd;
    }

    private static Command Validate()
    {
        var files = new Argument<string[]>("FILE") { Description = "Profile files to check.", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("validate", "Check profiles and report every problem as file:line:col.") { files };
        cmd.SetAction(parse =>
        {
            var source = new FileProfileSource();
            var failed = false;
            foreach (var f in parse.GetValue(files) ?? [])
            {
                var result = ProfileLoader.Load(f, source);
                DiagnosticPrinter.Print(result.Diagnostics);
                if (result.Succeeded)
                {
                    Console.Out.WriteLine($"{f}: ok ({DiagnosticPrinter.Summary(result.Diagnostics)})");
                }
                else
                {
                    failed = true;
                    Console.Error.WriteLine($"{f}: invalid ({DiagnosticPrinter.Summary(result.Diagnostics)})");
                }
            }

            return failed ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary><c>hctr profile digest FILE...</c>: the content digest a trust policy pins (the whole extends chain).</summary>
    private static Command Digest()
    {
        var files = new Argument<string[]>("FILE") { Description = "Profile files.", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("digest", "Print each profile's content digest over its whole extends: chain, as trust policies pin it.") { files };
        cmd.SetAction(parse =>
        {
            var source = new FileProfileSource();
            var failed = false;
            foreach (var f in parse.GetValue(files) ?? [])
            {
                var result = ProfileLoader.Load(f, source);
                if (!result.Succeeded)
                {
                    DiagnosticPrinter.Print(result.Diagnostics);
                    failed = true;
                    continue;
                }

                Console.Out.WriteLine($"{result.Digest}  {f}");
            }

            return failed ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return cmd;
    }
}
