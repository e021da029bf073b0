using System.Text.Json;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Tests.Import;

/// <summary>
/// A straightforward evaluator of a resolved OCI <c>linux.seccomp</c> object, as runc + libseccomp apply it
/// to one syscall (name, args): rules with the default action are skipped (runc); if any unconditional rule
/// names the syscall, the first one decides (libseccomp discards conditional rules next to it); otherwise
/// the most restrictive action among conditional rules whose conditions all hold (conditions on the same
/// argument ORed, as runc does); otherwise the default. Returns SECCOMP_RET_* values.
/// </summary>
internal sealed class OciSeccompOracle
{
    private sealed record Cond(int Index, string Op, ulong Value, ulong ValueTwo)
    {
        public bool Holds(ulong a) => Op switch
        {
            "SCMP_CMP_EQ" => a == Value,
            "SCMP_CMP_NE" => a != Value,
            "SCMP_CMP_LT" => a < Value,
            "SCMP_CMP_LE" => a <= Value,
            "SCMP_CMP_GT" => a > Value,
            "SCMP_CMP_GE" => a >= Value,
            "SCMP_CMP_MASKED_EQ" => (a & Value) == ValueTwo,
            _ => throw new InvalidOperationException(Op),
        };
    }

    private sealed record Rule(HashSet<string> Names, List<Cond> Args, uint Ret);

    private readonly List<Rule> _rules = [];

    public uint DefaultRet { get; }

    public IReadOnlyList<string> Architectures { get; }

    public OciSeccompOracle(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        DefaultRet = Ret(root.GetProperty("defaultAction").GetString()!, root.TryGetProperty("defaultErrnoRet", out var e) ? e.GetUInt32() : null);
        Architectures = [.. root.GetProperty("architectures").EnumerateArray().Select(a => a.GetString()!)];
        foreach (var s in root.GetProperty("syscalls").EnumerateArray())
        {
            var args = s.TryGetProperty("args", out var a)
                ? a.EnumerateArray().Select(x => new Cond(x.GetProperty("index").GetInt32(), x.GetProperty("op").GetString()!,
                    x.GetProperty("value").GetUInt64(), x.TryGetProperty("valueTwo", out var v2) ? v2.GetUInt64() : 0)).ToList()
                : [];
            var ret = Ret(s.GetProperty("action").GetString()!, s.TryGetProperty("errnoRet", out var r) ? r.GetUInt32() : null);
            _rules.Add(new Rule([.. s.GetProperty("names").EnumerateArray().Select(n => n.GetString()!)], args, ret));
        }
    }

    public uint Decide(string name, in SeccompData data)
    {
        var applicable = _rules.Where(r => r.Names.Contains(name) && r.Ret != DefaultRet).ToList();
        if (applicable.FirstOrDefault(r => r.Args.Count == 0) is { } unconditional)
        {
            return unconditional.Ret;
        }

        var args = data;
        var matching = applicable.Where(r => Matches(r, args)).Select(r => r.Ret).ToList();
        return matching.Count == 0 ? DefaultRet : matching.OrderBy(Precedence).First();
    }

    private static bool Matches(Rule r, SeccompData data)
    {
        var sameArgTwice = r.Args.GroupBy(c => c.Index).Any(g => g.Count() > 1);
        return sameArgTwice ? r.Args.Any(c => c.Holds(data.GetArg(c.Index))) : r.Args.All(c => c.Holds(data.GetArg(c.Index)));
    }

    private static int Precedence(uint ret) => (ret & 0xffff0000) switch
    {
        0x80000000 => 0,
        0x00000000 => 1,
        0x00030000 => 2,
        0x00050000 => 3,
        0x7fc00000 => 4,
        0x7ff00000 => 5,
        0x7ffc0000 => 6,
        _ => 7,
    };

    private static uint Ret(string action, uint? errno) => action switch
    {
        "SCMP_ACT_ALLOW" => 0x7fff0000,
        "SCMP_ACT_ERRNO" => 0x00050000 | (errno ?? 1),
        "SCMP_ACT_KILL_PROCESS" => 0x80000000,
        "SCMP_ACT_KILL" or "SCMP_ACT_KILL_THREAD" => 0,
        "SCMP_ACT_TRAP" => 0x00030000,
        "SCMP_ACT_LOG" => 0x7ffc0000,
        _ => throw new InvalidOperationException(action),
    };
}
