using System.CommandLine;
using Hctr.Cli.Commands;
using Hctr.Cli.Front;
using Xunit;

namespace Hctr.Cli.Tests.Front;

/// <summary>
/// The front binary's strict parser of <c>hctr run</c>: the forms it takes give the values the full CLI would,
/// and everything else is null (handed to the full CLI). The property test holds it to System.CommandLine's
/// parse of the real run command on generated command lines.
/// </summary>
[Trait("Category", "Unit")]
public sealed class FrontArgumentsTests
{
    private static FrontArguments? Parse(params string[] args) => FrontArguments.Parse(args);

    private static readonly string[] Minimal = ["--profile", "p.yaml", "--rootfs", "/r"];

    [Fact]
    public void The_minimal_form_gives_profile_rootfs_and_command()
    {
        var a = Parse(["run", .. Minimal, "--", "/bin/sh", "-c", "echo hi"]);
        Assert.NotNull(a);
        Assert.Equal("p.yaml", a.Profile);
        Assert.Equal("/r", a.Rootfs);
        Assert.Equal(["/bin/sh", "-c", "echo hi"], a.Command);
        Assert.Null(a.Name);
        Assert.Null(a.Hostname);
        Assert.Null(a.Workdir);
        Assert.Null(a.User);
        Assert.Empty(a.Env);
        Assert.False(a.Tty);
        Assert.False(a.Init);
    }

    [Fact]
    public void Every_option_in_short_or_long_form_gives_its_value()
    {
        var a = Parse("run", "--name", "n1", "--hostname", "h.example", "-e", "A=1", "--env", "B=2 3", "-w", "/w", "-u", "1:2",
            "-t", "--init", "--profile", "p.yaml", "--rootfs", "r", "ls", "x");
        Assert.NotNull(a);
        Assert.Equal(("p.yaml", "r", "n1", "h.example", "/w", "1:2"), (a.Profile, a.Rootfs, a.Name, a.Hostname, a.Workdir, a.User));
        Assert.Equal(["A=1", "B=2 3"], a.Env);
        Assert.True(a.Tty);
        Assert.True(a.Init);
        Assert.Equal(["ls", "x"], a.Command);

        var b = Parse(["run", "--workdir", "/w2", "--user", "7", "--tty", .. Minimal, "/bin/true"]);
        Assert.NotNull(b);
        Assert.Equal(("/w2", "7", true), (b.Workdir, b.User, b.Tty));
        Assert.Equal(["/bin/true"], b.Command);
    }

    [Fact]
    public void After_the_double_dash_every_word_is_the_command_even_option_like_ones()
    {
        var a = Parse(["run", .. Minimal, "--", "ls", "-l", "--", "--name", "-t"]);
        Assert.NotNull(a);
        Assert.Equal(["ls", "-l", "--", "--name", "-t"], a.Command);
        Assert.Null(a.Name);
        Assert.False(a.Tty);
    }

    public static TheoryData<string, string[]> Refused => new()
    {
        { "an option's =value form", ["run", "--name=x", .. Minimal, "ls"] },
        { "bundled flags", ["run", "-it", .. Minimal, "ls"] },
        { "a flag's explicit true", ["run", "-t", "true", .. Minimal, "ls"] },
        { "a flag's explicit false", ["run", "--init", "false", .. Minimal, "ls"] },
        { "--plan", ["run", "--plan", "plan.json"] },
        { "--plan with the rest", ["run", "--plan", "plan.json", .. Minimal, "ls"] },
        { "--entrypoint", ["run", "--entrypoint", "/bin/sh", .. Minimal, "ls"] },
        { "an image option", ["run", "--platform", "linux/amd64", .. Minimal, "ls"] },
        { "an image without --rootfs", ["run", "--profile", "p.yaml", "alpine", "ls"] },
        { "an option after the command", ["run", .. Minimal, "ls", "-l"] },
        { "hctr's option after the command", ["run", .. Minimal, "ls", "--name", "x"] },
        { "-- after the command", ["run", .. Minimal, "ls", "--", "x"] },
        { "a response file", ["run", "@args.rsp"] },
        { "a response file among options", ["run", .. Minimal, "@args.rsp", "ls"] },
        { "a response file after --", ["run", .. Minimal, "--", "@args.rsp"] },
        { "a value that is a response file", ["run", "--name", "@n", .. Minimal, "ls"] },
        { "an empty value", ["run", "--name", "", .. Minimal, "ls"] },
        { "an empty command word", ["run", .. Minimal, "--", "ls", ""] },
        { "a value starting with -", ["run", "--name", "-x", .. Minimal, "ls"] },
        { "an env value starting with -", ["run", "-e", "-x", .. Minimal, "ls"] },
        { "a value missing at the end", ["run", .. Minimal, "--hostname"] },
        { "repeated --name", ["run", "--name", "a", "--name", "b", .. Minimal, "ls"] },
        { "repeated --profile", ["run", "--profile", "q.yaml", .. Minimal, "ls"] },
        { "repeated -t", ["run", "-t", "--tty", .. Minimal, "ls"] },
        { "no --profile", ["run", "--rootfs", "/r", "ls"] },
        { "no --rootfs", ["run", "--profile", "p.yaml", "--", "ls"] },
        { "no command", ["run", .. Minimal] },
        { "nothing after --", ["run", .. Minimal, "--"] },
        { "--help", ["run", "--help"] },
        { "-h with the rest", ["run", "-h", .. Minimal, "ls"] },
        { "System.CommandLine's /? as the command", ["run", .. Minimal, "/?"] },
        { "System.CommandLine's /h as a value", ["run", "--hostname", "/h", .. Minimal, "ls"] },
        { "an unknown option", ["run", "-x", .. Minimal, "ls"] },
        { "another command", ["profile", "compile", "p.yaml"] },
        { "run alone", ["run"] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Anything_else_is_left_to_the_full_cli(string why, string[] args)
    {
        Assert.True(Parse(args) is null, $"{why}: accepted {string.Join(' ', args)}");
    }

    /// <summary>The root's options that apply to run too (help, with "/?" and "/h"): never a command word or a value for the front.</summary>
    [Fact]
    public void Every_alias_of_a_recursive_root_option_is_refused()
    {
        var root = new RootCommand { RunCommand.Create() };
        var aliases = root.Options.Where(o => o.Recursive).SelectMany(o => o.Aliases.Prepend(o.Name)).ToList();
        Assert.Contains("/?", aliases);
        foreach (var alias in aliases)
        {
            Assert.True(Parse(["run", .. Minimal, alias]) is null, $"{alias} as the command");
            Assert.True(Parse(["run", "--hostname", alias, .. Minimal, "ls"]) is null, $"{alias} as a value");
            Assert.NotNull(Parse(["run", .. Minimal, "--", alias])); // after "--" it is a word like any other
        }
    }

    /// <summary>
    /// Whatever the front accepts, System.CommandLine parses with the real run command without errors, to the
    /// run action (not help), with the same value for every option and the command, and no other option given.
    /// The seed is random unless HCTR_TEST_SEED is set, and printed with a failing command line.
    /// </summary>
    [Fact]
    public void Whatever_the_front_accepts_the_full_cli_parses_to_the_same_values()
    {
        int seed = Environment.GetEnvironmentVariable("HCTR_TEST_SEED") is { Length: > 0 } s
            ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var run = RunCommand.Create();
        var root = new RootCommand { run };
        var lines = new FrontCommandLines(run.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToList());
        Assert.Contains("--storage-driver", lines.OptionNames); // the image options are in the vocabulary
        Assert.Contains("--entrypoint", lines.OptionNames);

        var random = new Random(seed);
        int accepted = 0;
        const int Count = 4000;
        for (int n = 0; n < Count; n++)
        {
            string[] args = lines.Next(random);
            if (FrontArguments.Parse(args) is not { } front)
            {
                continue;
            }

            accepted++;
            string? problem = Difference(root, run, front, args);
            Assert.True(problem is null, $"seed {seed} (HCTR_TEST_SEED={seed} reproduces), line {n}: {Show(args)}: {problem}");
        }

        // A generator whose lines the front always refuses (or always accepts) would prove nothing.
        Assert.True(accepted is >= Count / 5 and <= Count * 4 / 5, $"seed {seed}: the front accepted {accepted} of {Count} lines");
    }

    private static string Show(string[] args) => string.Join(' ', args.Select(a => $"'{a}'"));

    /// <summary>What System.CommandLine makes of <paramref name="args"/> that differs from <paramref name="front"/>, or null.</summary>
    private static string? Difference(RootCommand root, Command run, FrontArguments front, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            return "System.CommandLine: " + string.Join("; ", parse.Errors.Select(e => e.Message));
        }

        if (!ReferenceEquals(parse.Action, run.Action))
        {
            return $"System.CommandLine would run {parse.Action?.GetType().Name ?? "nothing"}, not the run action";
        }

        var known = new HashSet<string> { "--profile", "--rootfs", "--name", "--hostname", "--env", "--workdir", "--user", "--tty", "--init" };
        foreach (var option in run.Options.Concat(root.Options))
        {
            if (!known.Contains(option.Name) && parse.GetResult(option) is { Implicit: false })
            {
                return $"System.CommandLine also sees {option.Name}";
            }
        }

        var expected = new[]
        {
            ("--profile", Path.GetFullPath(front.Profile), parse.GetValue<FileInfo>("--profile")?.FullName),
            ("--rootfs", Path.GetFullPath(front.Rootfs), parse.GetValue<DirectoryInfo>("--rootfs")?.FullName),
            ("--name", front.Name, parse.GetValue<string>("--name")),
            ("--hostname", front.Hostname, parse.GetValue<string>("--hostname")),
            ("--workdir", front.Workdir, parse.GetValue<string>("--workdir")),
            ("--user", front.User, parse.GetValue<string>("--user")),
            ("--tty", front.Tty.ToString(), parse.GetValue<bool>("--tty").ToString()),
            ("--init", front.Init.ToString(), parse.GetValue<bool>("--init").ToString()),
            ("--env", Joined(front.Env), Joined(parse.GetValue<string[]>("--env") ?? [])),
            ("command", Joined(front.Command), Joined(parse.GetValue<string[]>("command") ?? [])),
        };
        return expected.FirstOrDefault(e => e.Item2 != e.Item3) is { Item1: not null } d
            ? $"{d.Item1}: front '{d.Item2}', System.CommandLine '{d.Item3}'"
            : null;
    }

    private static string Joined(IEnumerable<string> words) => string.Join("", words.Select(w => $"[{w}]"));
}
