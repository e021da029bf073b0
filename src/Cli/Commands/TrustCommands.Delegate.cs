using System.CommandLine;
using Hctr.Trust.Crypto;
using Hctr.Trust.Metadata;
using Hctr.Trust.Repository;

namespace Hctr.Cli.Commands;

internal static partial class TrustCommands
{
    /// <summary>
    /// <c>hctr trust delegate</c>: name patterns to one role (<c>--role --path [--terminating]</c>), or every target of
    /// the delegator to succinct hash bins (<c>--succinct --bit-length N --name-prefix P</c>), each with its keys and
    /// threshold. For bins, the private key files among <c>--key</c> sign the empty bins now.
    /// </summary>
    private static Command DelegateCommand()
    {
        var dir = DirOption();
        var role = new Option<string>("--role") { Description = "name of the delegated role" };
        var keys = KeysOption("--key", "the role's key file(s) (public or private; for --succinct, private ones sign the empty bins)", required: true);
        var threshold = new Option<int>("--threshold") { Description = "signatures the role (each bin) needs", DefaultValueFactory = _ => 1 };
        var paths = KeysOption("--path", "target name pattern, e.g. registry.example/team/* (* stays within a segment)", required: false);
        var terminating = new Option<bool>("--terminating") { Description = "stop the search at this role for matching names" };
        var succinct = new Option<bool>("--succinct") { Description = "delegate every target to 2^N hash bins (TUF succinct_roles)" };
        var bitLength = new Option<int?>("--bit-length") { Description = $"with --succinct: N, 1..{RepositoryDirectory.MaxSuccinctBitLength} (2^N bins)" };
        var prefix = new Option<string>("--name-prefix") { Description = "with --succinct: bins are named PREFIX-<hex>" };
        var delegator = new Option<string>("--delegator") { Description = "delegating role", DefaultValueFactory = _ => RoleNames.Targets };
        var delegatorKey = new Option<string>("--delegator-key") { Description = "private key of the delegating role", Required = true };
        var command = new Command("delegate", "Delegate image name patterns to a role, or all targets to succinct hash bins, with keys and a threshold");
        foreach (var o in new Option[] { dir, role, keys, threshold, paths, terminating, succinct, bitLength, prefix, delegator, delegatorKey })
        {
            command.Options.Add(o);
        }

        command.Validators.Add(result =>
        {
            bool bins = result.GetValue(succinct);
            if (bins && (result.GetResult(role) is not null || result.GetResult(paths) is not null || result.GetValue(terminating)))
                result.AddError("--succinct delegates every target to hash bins: it takes --bit-length and --name-prefix, not --role, --path or --terminating");
            else if (bins && (result.GetValue(bitLength) is null || result.GetValue(prefix) is null))
                result.AddError("--succinct needs --bit-length and --name-prefix");
            else if (!bins && (result.GetResult(bitLength) is not null || result.GetResult(prefix) is not null))
                result.AddError("--bit-length and --name-prefix go with --succinct");
            else if (!bins && (result.GetValue(role) is null || result.GetValue(paths) is not { Length: > 0 }))
                result.AddError("delegate needs --role and --path (or --succinct)");
        });
        command.SetAction(parse => Run(() =>
        {
            var repo = new RepositoryDirectory(parse.GetValue(dir)!, TimeProvider.System);
            var keyFiles = parse.GetValue(keys)!;
            var from = parse.GetValue(delegator)!;
            if (parse.GetValue(succinct))
            {
                var bins = repo.DelegateSuccinct(from, parse.GetValue(bitLength)!.Value, parse.GetValue(prefix)!, keyFiles.Select(KeyFile.ReadPublic).ToList(),
                    parse.GetValue(threshold), keyFiles.Where(KeyFile.IsPrivate).Select(LoadPrivate).ToList(), LoadPrivate(parse.GetValue(delegatorKey)!));
                Console.Out.WriteLine($"delegated every target of {from} to {bins.Count} hash bins {bins[0]} .. {bins[^1]}");
                return;
            }

            repo.Delegate(from, parse.GetValue(role)!, keyFiles.Select(KeyFile.ReadPublic).ToList(),
                parse.GetValue(threshold), parse.GetValue(paths)!, parse.GetValue(terminating), LoadPrivate(parse.GetValue(delegatorKey)!));
            Console.Out.WriteLine($"delegated {string.Join(", ", parse.GetValue(paths)!)} from {from} to {parse.GetValue(role)}");
        }));
        return command;
    }
}
