using System.Collections;
using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Hctr.Engine.Containers;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Plan;
using Hctr.Sandbox;
using Hctr.Sandbox.Cgroups;

namespace Hctr.Cli.Commands;

/// <summary>The profile compiler's entry point (a seam, so tests can stand in for it).</summary>
internal delegate Hctr.Engine.Profiles.PlanCompileResult CompileProfileFile(string path, LaunchRequest request, HostFacts host);

/// <summary>
/// <c>hctr run --profile FILE (IMAGE | --rootfs DIR) [--name N] [--hostname H] [-e K=V]... [-w DIR] [-u USER[:GROUP]] [-t] [--init] [--] CMD...</c>
/// (or <c>--plan FILE</c>: a plan from <c>hctr profile compile --emit plan</c>, run exactly as written). With IMAGE
/// the image comes from the store or a verified pull (<see cref="RunImage"/>) and its config supplies the defaults.
/// Exit code: the container's (128+N for signal N), 125 for hctr's own failures, 126/127 cannot execute / not found.
/// </summary>
internal static class RunCommand
{
    private const int HctrFailure = ForegroundRun.HctrFailure;

    /// <summary>
    /// Profiles compile through Engine (file loading, extends) into a plan for this run, through the plan cache
    /// under the state root unless <c>HCTR_NO_PLAN_CACHE=1</c>. Each auto user namespace gets a host id range of
    /// its own, released when the run ends.
    /// </summary>
    private static readonly CompileProfileFile DefaultCompiler = ForegroundRun.Compile;

    public static Command Create() => Create(DefaultCompiler);

    internal static Command Create(CompileProfileFile compile)
    {
        var profile = new Option<FileInfo>("--profile") { Description = "Security profile (YAML)." };
        var plan = new Option<FileInfo>("--plan") { Description = "A compiled launch plan (JSON), run exactly as written." };
        var rootfs = new Option<DirectoryInfo>("--rootfs") { Description = "Root filesystem directory." };
        var name = new Option<string>("--name") { Description = "Container name (default: random)." };
        var hostname = new Option<string>("--hostname") { Description = "Hostname inside the container." };
        var env = new Option<string[]>("--env", "-e") { Description = "Environment variable KEY=VALUE.", AllowMultipleArgumentsPerToken = false };
        var workdir = new Option<string>("--workdir", "-w") { Description = "Working directory inside the container." };
        var user = new Option<string>("--user", "-u") { Description = "USER[:GROUP] inside the container (names only with an image)." };
        var entrypoint = new Option<string>("--entrypoint") { Description = "Replace the image's Entrypoint (and its Cmd): this program, then the arguments after IMAGE (\"\" for none)." };
        var tty = new Option<bool>("--tty", "-t") { Description = "Allocate a pseudo-terminal." };
        var init = new Option<bool>("--init") { Description = "Run a minimal init as PID 1 that reaps zombies and forwards signals." };
        var command = new Argument<string[]>("command") { Arity = ArgumentArity.ZeroOrMore, Description = "IMAGE [CMD [ARG...]] (or, with --rootfs, CMD [ARG...])." };
        var imageOptions = RunImage.Options.Create();

        var run = new Command("run", "Run a command in a new container, from an image or a rootfs directory.")
        {
            profile, plan, rootfs, name, hostname, env, workdir, user, entrypoint, tty, init, command,
        };
        foreach (var o in imageOptions.All)
        {
            run.Options.Add(o);
        }

        run.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            string id = parse.GetValue(name) ?? ContainerRunner.NewId();
            LaunchPlan? launchPlan;
            RunImage? image = null;
            if (parse.GetValue(plan) is { } planFile)
            {
                if (parse.GetValue(profile) is not null || parse.GetValue(rootfs) is not null || (parse.GetValue(command)?.Length ?? 0) > 0)
                {
                    stderr.WriteLine("hctr run: --plan runs the plan exactly as written; it takes no --profile, --rootfs or command");
                    return HctrFailure;
                }

                try
                {
                    launchPlan = PlanJson.Deserialize(File.ReadAllBytes(planFile.FullName));
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
                {
                    // One line, never a stack trace: a plan file is input like any other.
                    stderr.WriteLine($"hctr run: {planFile}: not a launch plan from 'hctr profile compile --emit plan': {e.Message.Split('\n')[0]}");
                    return HctrFailure;
                }
            }
            else
            {
                string[] args = parse.GetValue(command) ?? [];
                var rootDir = parse.GetValue(rootfs);
                if (parse.GetValue(profile) is not { } profileFile || (rootDir is null && args.Length == 0))
                {
                    stderr.WriteLine("hctr run: --profile and either IMAGE or --rootfs DIR are required (or --plan)");
                    return HctrFailure;
                }

                if (UnknownOption(parse) is { } unknown)
                {
                    stderr.WriteLine($"hctr run: unknown option '{unknown}' (see 'hctr run --help'; a command that starts with '-' goes after '--')");
                    return HctrFailure;
                }

                if (rootDir is null && OptionAfterImage(parse) is { } late)
                {
                    stderr.WriteLine($"hctr run: '{late}' comes after the image: hctr options go before IMAGE; put '--' before a command that takes it");
                    return HctrFailure;
                }

                string[] argv = rootDir is null ? args[1..] : args;
                if (rootDir is not null && parse.GetValue(entrypoint) is not null)
                {
                    stderr.WriteLine("hctr run: --entrypoint replaces an image's Entrypoint; with --rootfs the command is given directly");
                    return HctrFailure;
                }

                if (rootDir is not null && argv.Length == 0)
                {
                    stderr.WriteLine("hctr run: no command given");
                    return HctrFailure;
                }

                string rootPath = rootDir?.FullName ?? Path.Combine(ContainerRunner.DefaultStateRoot, id, "rootfs");
                var fromImage = rootDir is null ? RunImage.Get(parse, imageOptions, args[0], profileFile.FullName, stderr, CancellationToken.None) : null;
                if (rootDir is null && fromImage is null)
                {
                    return HctrFailure;
                }

                if (!ForegroundRun.TryBuildRequest(argv, id, rootPath, parse.GetValue(hostname), parse.GetValue(env) ?? [], parse.GetValue(workdir),
                        parse.GetValue(user), parse.GetValue(tty), parse.GetValue(init), numericUser: fromImage is null, stderr, out var request))
                {
                    return HctrFailure;
                }

                if (fromImage is not null)
                {
                    var withImage = fromImage.Request(request, argv, parse.GetValue(env) ?? [], parse.GetValue(workdir), parse.GetValue(user), parse.GetValue(entrypoint), stderr);
                    if (withImage is null)
                    {
                        return HctrFailure;
                    }

                    request = withImage;
                }

                image = fromImage;

                var compiled = compile(profileFile.FullName, request, HostProbe.Probe());
                foreach (var message in compiled.Messages)
                {
                    stderr.WriteLine(message);
                }

                if (compiled.Plan is null || compiled.HasErrors)
                {
                    return HctrFailure;
                }

                launchPlan = compiled.Plan;
            }

            try
            {
                var maps = launchPlan.IdMaps;
                return ForegroundRun.Launch(id, launchPlan, InitBinary.Locate(), stderr, image is null ? null : dir => image.Mount(dir, maps, stderr));
            }
            catch (InvalidOperationException e)
            {
                stderr.WriteLine($"hctr: {e.Message}"); // hctr-init is missing
                return HctrFailure;
            }
            finally
            {
                ForegroundRun.ReleaseIds(id);
            }
        });
        return run;
    }

    /// <summary>
    /// An option-like word where the image (or, with --rootfs, the command) should start, before any '--':
    /// System.CommandLine passes an option it does not know on as the first word of the command, so
    /// <c>hctr run ... --bogus -- /bin/true</c> would try to execute "--bogus".
    /// </summary>
    private static string? UnknownOption(ParseResult parse)
    {
        var tokens = parse.Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.DoubleDash)
            {
                return null;
            }

            bool isValue = i > 0 && tokens[i - 1].Type == TokenType.Option && !FlagOptions.Contains(tokens[i - 1].Value);
            if (tokens[i].Type == TokenType.Argument && !isValue)
            {
                return tokens[i].Value.StartsWith('-') ? tokens[i].Value : null;
            }
        }

        return null;
    }

    /// <summary>The first option token after the image: System.CommandLine would take it for hctr's, docker gives it to the command.</summary>
    private static string? OptionAfterImage(ParseResult parse)
    {
        var tokens = parse.Tokens;
        int image = -1;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.DoubleDash)
            {
                return null;
            }

            bool isValue = i > 0 && tokens[i - 1].Type == TokenType.Option && !FlagOptions.Contains(tokens[i - 1].Value);
            if (image < 0 && tokens[i].Type == TokenType.Argument && !isValue)
            {
                image = i;
            }
            else if (image >= 0 && tokens[i].Type == TokenType.Option)
            {
                return tokens[i].Value;
            }
        }

        return null;
    }

    private static readonly HashSet<string> FlagOptions = ["--tty", "-t", "--init", "--insecure-skip-verify-unsafe"];
}
