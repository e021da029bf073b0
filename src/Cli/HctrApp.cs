using System.CommandLine;
using Hctr.Cli.Commands;

namespace Hctr.Cli;

/// <summary>The composition root: builds the command tree and turns every outcome into an exit code.</summary>
internal static class HctrApp
{
    private const string Description = "hctr: a hardened container runtime. One YAML profile says everything a container may do.";

    public static RootCommand Build()
    {
        var root = new RootCommand(Description);
        root.Subcommands.Add(ProfileCommands.Create());
        root.Subcommands.Add(TrustCommands.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(PolicyCommands.Create());
        foreach (var c in ImageCommands.Create())
        {
            root.Subcommands.Add(c);
        }
        return root;
    }

    /// <summary>
    /// Bad arguments: each problem on stderr and the usage exit code (2; 125 for <c>run</c>, as docker does), never
    /// System.CommandLine's default of 1, which means "findings" or "refused" for hctr's commands.
    /// </summary>
    private static int UsageError(ParseResult parse, string[] args)
    {
        foreach (var e in parse.Errors)
        {
            Console.Error.WriteLine($"hctr: {e.Message}");
        }

        var path = new List<string>();
        for (var c = parse.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
        {
            path.Insert(0, c.Command.Name);
        }

        Console.Error.WriteLine($"see '{string.Join(' ', path)} --help'");
        return args.Length > 0 && args[0] == "run" ? 125 : ExitCodes.Usage;
    }

    public static int Run(string[] args)
    {
        try
        {
            // A launch builds only the run command: the other command trees cost start-up time at every container start.
            var root = args.Length > 0 && args[0] == "run" ? new RootCommand(Description) { RunCommand.Create() } : Build();
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                return UsageError(parse, args);
            }

            // Without System.CommandLine's own handler, which prints a stack trace: an exception no command turned
            // into a located error reaches the one-line report below.
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            // Last line of defence: never a stack trace for the user.
            Console.Error.WriteLine($"hctr: internal error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Internal;
        }
    }
}
