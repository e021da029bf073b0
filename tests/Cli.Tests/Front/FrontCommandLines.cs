namespace Hctr.Cli.Tests.Front;

/// <summary>
/// Generated <c>hctr run</c> command lines for the front-parser property test: mostly near the form the front
/// takes (a --profile, a --rootfs, a few options, a command after or without <c>--</c>), with every run option
/// name, values that System.CommandLine reads specially and noise tokens mixed in, so that both parsers'
/// corners are reached and a fair share of lines is still accepted.
/// </summary>
internal sealed class FrontCommandLines(IReadOnlyList<string> optionNames)
{
    /// <summary>Every name and alias of the run command's options (image and trust options included).</summary>
    public IReadOnlyList<string> OptionNames { get; } = optionNames;

    private static readonly string[] FrontValueOptions = ["--name", "--hostname", "-e", "--env", "-w", "--workdir", "-u", "--user"];

    private static readonly string[] FrontFlags = ["-t", "--tty", "--init"];

    private static readonly string[] GoodValues =
    [
        "x", "web-1", "/tmp/r", "rootfs", "p.yaml", "r/", "./x", "../y", "a//b", "1000", "1000:1000", "A=1", "PATH=/x", "x=y=z",
        "h.example", "a b", " ", "é", "run",
    ];

    private static readonly string[] OddValues =
    [
        "", "-", "-x", "--", "@x", "true", "false", "True", " false", "/?", "/h", "-?", "-h", "--help", "[diagram]", "x:y", "--name",
        " -x", "--env=A=1", "-t:true",
    ];

    private static readonly string[] Noise =
    [
        "--", "-t", "true", "false", "@x", "--name=x", "--profile:p", "-eA=1", "-x", "-it", "-", "", "/?", "-h", "--help", "-?",
        "--version", "TRUE", " -x", "-e=A=1", "--tty:false", "--NAME",
    ];

    private static readonly string[] CommandWords =
    [
        "/bin/sh", "-c", "echo hi", "ls", "-l", "--help", "true", "false", "run", "x=y", "/?", "-t", "--name", "--", "@x", "", "a b",
    ];

    public string[] Next(Random r)
    {
        var items = new List<string[]>();
        if (r.Next(20) > 0)
        {
            items.Add(["--profile", Value(r)]);
        }

        if (r.Next(20) > 0)
        {
            items.Add(["--rootfs", Value(r)]);
        }

        for (int n = r.Next(4); n > 0; n--)
        {
            items.Add(Item(r));
        }

        var args = new List<string> { "run" };
        foreach (var item in items.OrderBy(_ => r.Next()))
        {
            args.AddRange(item);
        }

        int mode = r.Next(20);
        if (mode < 10)
        {
            args.Add("--");
        }

        if (mode < 19)
        {
            args.Add(r.Next(4) == 0 ? Pick(r, CommandWords) : Pick(r, ["ls", "/bin/sh", "true", "x=y", "run", "a b"]));
            for (int n = r.Next(3); n > 0; n--)
            {
                args.Add(Pick(r, CommandWords));
            }
        }

        if (r.Next(20) == 0)
        {
            args.AddRange(Item(r)); // after the command
        }

        return [.. args];
    }

    private string[] Item(Random r) => r.Next(20) switch
    {
        < 10 => [Pick(r, FrontValueOptions), Value(r)],
        < 14 => [Pick(r, FrontFlags)],
        < 15 => [Pick(r, FrontFlags), Pick(r, ["true", "false", "True", " true", "x"])],
        < 18 => r.Next(2) == 0 ? [Pick(r, OptionNames), Value(r)] : [Pick(r, OptionNames)],
        _ => [Pick(r, Noise)],
    };

    private static string Value(Random r) => r.Next(10) == 0 ? Pick(r, OddValues) : Pick(r, GoodValues);

    private static string Pick(Random r, IReadOnlyList<string> from) => from[r.Next(from.Count)];
}
