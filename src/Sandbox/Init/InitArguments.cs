using System.Globalization;

namespace Hctr.Sandbox.Init;

/// <summary>
/// The init stage's command line, written only by <see cref="Launcher"/>:
/// <c>hctr-init init --plan-fd N --error-fd M [--cgroup-fd C] [--console-fd S]</c>. Parsed by hand and strictly
/// (every option once, non-negative fds, nothing else): the init binary carries no command-line library, because
/// every byte of it is paid at every container start.
/// </summary>
public sealed record InitArguments(int PlanFd, int ErrorFd, int CgroupFd, int ConsoleFd)
{
    /// <summary>The argument vector after argv[0], or null with <paramref name="error"/> saying what is wrong.</summary>
    public static InitArguments? TryParse(IReadOnlyList<string> args, out string error)
    {
        error = "";
        if (args.Count == 0 || args[0] != "init")
        {
            error = "usage: hctr-init init --plan-fd N --error-fd M [--cgroup-fd C] [--console-fd S] (started by hctr run, not by hand)";
            return null;
        }

        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 1; i < args.Count; i += 2)
        {
            string name = args[i];
            if (name is not ("--plan-fd" or "--error-fd" or "--cgroup-fd" or "--console-fd"))
            {
                error = $"unknown argument '{name}'";
                return null;
            }

            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int fd))
            {
                error = $"{name} needs a file descriptor number";
                return null;
            }

            if (!values.TryAdd(name, fd))
            {
                error = $"{name} is given twice";
                return null;
            }
        }

        if (!values.TryGetValue("--plan-fd", out int plan) || !values.TryGetValue("--error-fd", out int err))
        {
            error = "--plan-fd and --error-fd are required";
            return null;
        }

        return new InitArguments(plan, err, values.GetValueOrDefault("--cgroup-fd", -1), values.GetValueOrDefault("--console-fd", -1));
    }

    /// <summary>The entry point of the init binary: 2 for a malformed command line, else whatever <see cref="InitStage.Run"/> returns.</summary>
    public static int Main(IReadOnlyList<string> args, TextWriter stderr)
    {
        if (TryParse(args, out string error) is not { } parsed)
        {
            stderr.WriteLine($"hctr-init: {error}");
            return 2;
        }

        return InitStage.Run(parsed.PlanFd, parsed.ErrorFd, parsed.CgroupFd, parsed.ConsoleFd);
    }
}
