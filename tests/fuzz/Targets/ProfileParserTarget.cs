using System.Text;
using Hctr.Fuzz.Engine;
using Hctr.Fuzz.Mutation;
using Hctr.Policy.Loading;

namespace Hctr.Fuzz.Targets;

/// <summary>
/// ProfileLoader on arbitrary text: YAML syntax, refusals (anchors, tags, duplicate keys), schema,
/// binding, extends and semantic checks. Declares no exception: bad input must become diagnostics.
/// </summary>
internal sealed class ProfileParserTarget : FuzzTarget
{
    public const string FileName = "fuzz.yaml";

    private static readonly string[] Tokens =
    [
        "&a ", "*a", "<<: *a\n", "!!str ", "!!binary ", "!custom ", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "---\n", "...\n", "? ", ": ", "- ",
        "{", "}", "[", "]", ",", "#", "|\n", ">-\n", "\"", "'", "\\u0000", "\\x", "\0", "\uFEFF", "\u202E", "\uD800", "é", "😀",
        "99999999999999999999999999", "-9223372036854775809", "0x", "0o17", ".inf", "~", "null", "true", "yes", "1e400",
        "@default", "errno(", "kill-process", "masked-eq", "extends: fuzz.yaml\n", "extends: base.yaml\n", "widen: [seccomp]\n",
        "apiVersion: hctr.dev/v1\n", "kind: SecurityProfile\n", "spec:\n", "  seccomp:\n", "    rules:\n", "\t", "\r\n", "\n  ",
        new string('[', 100), new string('{', 70), new string('-', 3) + " ", "a: b\na: c\n",
    ];

    public override string Name => "parser";

    public override string Description => "ProfileLoader.LoadText on arbitrary text (only diagnostics)";

    public override string Execute(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var r = ProfileLoader.LoadText(FileName, text, new FuzzProfileSource(FileName, text));
        if (r.Succeeded == r.Errors.Any())
        {
            throw new FuzzPropertyException("a profile was returned together with errors, or withheld without one");
        }

        if (r.Diagnostics.Any(d => string.IsNullOrEmpty(d.Code)))
        {
            throw new FuzzPropertyException("a diagnostic without a code");
        }

        return (r.Succeeded ? "ok:" : "err:") + string.Join(",", r.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal));
    }

    public override bool IsDeclared(Exception e) => false;

    public override byte[] Mutate(byte[] input, Random random, IReadOnlyList<byte[]> pool) =>
        random.Next(4) == 0 && ProfileMutator.Mutate(input, random, pool) is { } structured
            ? structured
            : ByteMutator.Mutate(input, random, pool, Tokens);

    public override IEnumerable<(string Name, byte[] Bytes)> RepositorySeeds(string repoRoot) => ShippedProfiles.Seeds(repoRoot);
}
