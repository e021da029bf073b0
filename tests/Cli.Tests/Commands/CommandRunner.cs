using System.CommandLine;

namespace Hctr.Cli.Tests.Commands;

/// <summary>Runs commands in-process with stdout and stderr captured (Cli.Tests run serially: Console is shared).</summary>
internal static class CommandRunner
{
    public static (int Exit, string Out, string Err) Run(RootCommand root, params string[] args) =>
        Capture(() => root.Parse(args).Invoke(new InvocationConfiguration { Output = Console.Out, Error = Console.Error }));

    public static (int Exit, string Out, string Err) Capture(Func<int> run)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var o = new StringWriter();
        using var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            var exit = run();
            return (exit, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
