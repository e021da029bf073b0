using System.CommandLine;
using Hctr.Cli.Commands;

namespace Hctr.Cli;

/// <summary>The composition root: builds the command tree and turns every outcome into an exit code.</summary>
internal static class HctrApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("hctr: a hardened container runtime. One YAML profile says everything a container may do.");
        root.Subcommands.Add(ProfileCommands.Create());
        root.Subcommands.Add(TrustCommands.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(PolicyCommands.Create());
        foreach (var c in ImageCommands.Create())
        {
            root.Subcommands.Add(c);
        }
        return root;
    }

    public static int Run(string[] args)
    {
        try
        {
            // The init stage runs once per launch inside the new namespaces: parse only its own command.
            var root = args.Length > 0 && args[0] == "init" ? new RootCommand { InitCommand.Create() } : Build();
            var parse = root.Parse(args);
            return parse.Invoke();
        }
        catch (Exception ex)
        {
            // Last line of defence: never a stack trace for the user.
            Console.Error.WriteLine($"hctr: internal error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Internal;
        }
    }
}
