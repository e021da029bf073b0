using System.Globalization;
using Hctr.Fuzz.Engine;
using Hctr.Fuzz.Targets;

namespace Hctr.Fuzz;

/// <summary>
/// <c>dotnet run --project tests/fuzz -- replay [TARGET...]</c> runs every corpus once (CI);
/// <c>-- fuzz TARGET [--seconds N] [--iterations N] [--seed N] [--timeout-ms N]</c> explores;
/// <c>-- list</c> names the targets. Exit 1 on any finding (crash, broken property or hang).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var root = Corpus.FindRepoRoot(Directory.GetCurrentDirectory()) ?? Corpus.FindRepoRoot(AppContext.BaseDirectory);
        if (root is null)
        {
            Console.Error.WriteLine("hctr-fuzz: run inside the repository (Hardened.sln not found)");
            return 2;
        }

        var command = args.Length > 0 ? args[0] : "";
        switch (command)
        {
            case "list":
                foreach (var t in FuzzTargets.All)
                {
                    Console.WriteLine($"{t.Name,-10} {t.Description}");
                }

                return 0;
            case "replay":
                var targets = args.Length > 1 ? args[1..].Select(FuzzTargets.Find).ToList() : [.. FuzzTargets.All];
                if (targets.Any(t => t is null))
                {
                    return Usage();
                }

                var findings = targets.Sum(t => FuzzLoop.Replay(t!, root, FuzzExecutor.DefaultTimeout, Console.Out));
                return findings == 0 ? 0 : 1;
            case "fuzz" when args.Length >= 2 && FuzzTargets.Find(args[1]) is { } target && TryOptions(args[2..], root, out var options):
                return FuzzLoop.Explore(target, root, options, Console.Out);
            default:
                return Usage();
        }
    }

    private static bool TryOptions(string[] args, string root, out FuzzOptions options)
    {
        options = new FuzzOptions { FindingsDirectory = Path.Combine(root, "tests", "fuzz", "findings") };
        var seconds = false;
        var iterations = false;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!long.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            switch (args[i])
            {
                case "--seconds":
                    options = options with { Duration = TimeSpan.FromSeconds(value) };
                    seconds = true;
                    break;
                case "--iterations":
                    options = options with { Iterations = value };
                    iterations = true;
                    break;
                case "--seed":
                    options = options with { Seed = (int)value };
                    break;
                case "--timeout-ms":
                    options = options with { InputTimeout = TimeSpan.FromMilliseconds(value) };
                    break;
                default:
                    return false;
            }
        }

        if (iterations && !seconds)
        {
            options = options with { Duration = TimeSpan.MaxValue };
        }

        return args.Length % 2 == 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: hctr-fuzz list | replay [TARGET...] | fuzz TARGET [--seconds N] [--iterations N] [--seed N] [--timeout-ms N]");
        Console.Error.WriteLine("targets: " + string.Join(", ", FuzzTargets.All.Select(t => t.Name)));
        return 2;
    }
}
