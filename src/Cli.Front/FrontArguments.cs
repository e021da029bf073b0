namespace Hctr.Cli.Front;

/// <summary>
/// The one command line the front binary runs itself:
/// <c>run [--profile F] [--rootfs D] [--name N] [--hostname H] [-e K=V]... [-w DIR] [-u UID[:GID]] [-t] [--init] (-- CMD... | CMD...)</c>,
/// each option as its own token and its value as the next, with --profile, --rootfs and a command all given.
/// Anything else is null: the front hands the command line to the full CLI, whose System.CommandLine parser has
/// the last word on it (bundled flags, <c>--opt=value</c>, response files, a flag's explicit <c>true</c>, repeated
/// options, options after the command, help). So a command line the front accepts means to both parsers what it
/// means to the full CLI (tests/Cli.Tests/Front: the two parsers compared on generated command lines).
/// </summary>
internal sealed record FrontArguments(
    string Profile, string Rootfs, string? Name, string? Hostname, IReadOnlyList<string> Env, string? Workdir,
    string? User, bool Tty, bool Init, IReadOnlyList<string> Command)
{
    /// <summary><paramref name="args"/> is the whole command line, "run" first.</summary>
    public static FrontArguments? Parse(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || args[0] != "run")
        {
            return null;
        }

        string? profile = null, rootfs = null, name = null, hostname = null, workdir = null, user = null;
        bool tty = false, init = false;
        var env = new List<string>();
        var command = new List<string>();
        for (int i = 1; i < args.Count; i++)
        {
            string t = args[i];
            if (t.Length == 0 || t[0] == '@' || IsHelpAlias(t))
            {
                return null; // an empty word, a response file System.CommandLine would expand, or its "/?" or "/h" for help
            }

            if (t == "--")
            {
                if (command.Count > 0)
                {
                    return null;
                }

                for (int j = i + 1; j < args.Count; j++)
                {
                    if (args[j].Length == 0 || args[j][0] == '@')
                    {
                        return null;
                    }

                    command.Add(args[j]);
                }

                break;
            }

            if (t[0] != '-')
            {
                command.Add(t);
                continue;
            }

            if (command.Count > 0)
            {
                return null; // an option (or a command's own flag) after the command: the full CLI's parser decides
            }

            bool ok = t switch
            {
                "--profile" => Single(ref profile),
                "--rootfs" => Single(ref rootfs),
                "--name" => Single(ref name),
                "--hostname" => Single(ref hostname),
                "--workdir" or "-w" => Single(ref workdir),
                "--user" or "-u" => Single(ref user),
                "--env" or "-e" => Multiple(),
                "--tty" or "-t" => Flag(ref tty),
                "--init" => Flag(ref init),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }

            bool Single(ref string? slot)
            {
                if (slot is not null || Value() is not { } v)
                {
                    return false;
                }

                slot = v;
                return true;
            }

            bool Multiple()
            {
                if (Value() is not { } v)
                {
                    return false;
                }

                env.Add(v);
                return true;
            }

            bool Flag(ref bool slot)
            {
                // System.CommandLine takes a following "true"/"false" as the flag's value: leave that to it.
                if (slot || (i + 1 < args.Count && bool.TryParse(args[i + 1], out _)))
                {
                    return false;
                }

                slot = true;
                return true;
            }

            string? Value()
            {
                if (i + 1 >= args.Count || args[i + 1] is not { Length: > 0 } v || v[0] is '-' or '@' || IsHelpAlias(v))
                {
                    return null;
                }

                i++;
                return v;
            }
        }

        return profile is null || rootfs is null || command.Count == 0
            ? null
            : new FrontArguments(profile, rootfs, name, hostname, env, workdir, user, tty, init, command);
    }

    /// <summary>System.CommandLine's help aliases that do not start with '-': help wherever they stand before "--".</summary>
    private static bool IsHelpAlias(string t) => t is "/?" or "/h";
}
