using System.Collections.Frozen;
using Hctr.Policy.Capabilities;
using Hctr.Policy.Seccomp;

namespace Hctr.Fuzz.Mutation;

/// <summary>
/// Values the structure-aware mutator puts under each profile key: mostly what the schema accepts
/// (so the compiler is reached), with boundary and near-miss values mixed in.
/// Each entry is (text, quoted): quoted values are YAML strings, plain ones keep YAML typing.
/// </summary>
internal static class Vocabulary
{
    private static readonly (string, bool, bool)[] Numbers =
    [
        P("0"), P("1"), P("2"), P("7"), P("38"), P("255"), P("256"), P("4095"), P("4096"), P("65535"), P("65536"),
        P("2147483647"), P("2147483648"), P("4294967295"), P("4294967296"), P("9223372036854775807"),
        P("18446744073709551615"), BP("18446744073709551616"), BP("-1"), BP("-9223372036854775808"),
        P("0x0"), P("0xffffffff"), P("0x100000000"), P("0xffffffffffffffff"), P("0x7E020000"), BP("1e3"), BP("1.5"),
        BQ("0x10000000000000000"), BQ("99999999999999999999"), Q("0x1"),
    ];

    private static readonly (string, bool, bool)[] Actions =
    [
        Q("allow"), Q("log"), Q("kill-process"), Q("kill-thread"), Q("trap"), Q("notify"), Q("errno(EPERM)"), Q("errno(ENOSYS)"),
        Q("errno(EACCES)"), Q("errno(EAFNOSUPPORT)"), Q("errno(0)"), Q("errno(1)"), Q("errno(4095)"), BQ("errno(4096)"),
        BQ("errno(99999999999)"), BQ("errno(EWHAT)"), Q("trace(0)"), Q("trace(65535)"), BQ("trace(65536)"), BQ("trace(99999999999999)"),
    ];

    private static readonly (string, bool, bool)[] Paths =
    [
        Q("/"), Q("/tmp"), Q("/run"), Q("/dev"), Q("/dev/null"), Q("/dev/fuse"), Q("/dev/kvm"), Q("/proc"), Q("/proc/kcore"), Q("/sys"),
        Q("/sys/firmware"), Q("/srv/www"), Q("/work"), Q("/a/../b"), Q("/a/./b"), Q("//x"), Q("/x/"), BQ("relative"), Q("/with space"),
        Q("/ünïcödé"), BQ("/a\u0000b"), Q("/" + new string('a', 300)), Q("/tmp/**"), Q("/tmp/{a,b}"), Q("/etc/shadow"), Q("/proc/self/mem"),
    ];

    private static readonly FrozenDictionary<string, (string, bool, bool)[]> ByKey = new Dictionary<string, (string, bool, bool)[]>
    {
        ["apiVersion"] = [Q("hctr.dev/v1"), BQ("hctr.dev/v2")],
        ["kind"] = [Q("SecurityProfile"), BQ("Other")],
        ["name"] = [Q("web"), Q("a"), Q("a-b.c"), BQ("UPPER"), Q(new string('x', 70)), Q("")],
        ["extends"] = [Q("base.yaml"), BQ("missing.yaml"), Q("fuzz.yaml"), BQ("../base.yaml"), Q("")],
        ["widen"] = [Q("network"), Q("seccomp"), Q("capabilities"), Q("filesystem"), Q("userNamespace"), Q("resources"), Q("devices")],
        ["add"] = [.. CapabilityNames.All.Select(c => Q(CapabilityNames.Name(c))), BQ("CAP_SYS_ADMIN"), BQ("sys_admin"), BQ("SYS_ADMN"), BQ("ALL")],
        ["noNewPrivileges"] = [P("true"), P("false"), BP("yes"), BP("null")],
        ["readOnlyRootfs"] = [P("true"), P("false")],
        ["allowSetuid"] = [P("true"), P("false")],
        ["allowHostRootUnsafe"] = [P("true"), P("false")],
        ["mode"] = [Q("auto"), Q("map"), Q("hostUnsafe"), Q("1777"), Q("0755"), BQ("7777"), Q("0000"), BQ("8888")],
        ["size"] = [P("1"), P("65536"), P("0"), P("4294967295"), BP("4294967296"), Q("64Mi"), Q("1Gi"), Q("0Ki"), BQ("99999999999999999999Ti"), Q("1k")],
        ["containerID"] = [P("0"), P("1"), P("1000"), P("65535"), P("4294967294"), P("4294967295"), BP("-1")],
        ["hostID"] = [P("0"), P("1"), P("100000"), P("165536"), P("4294967295"), BP("4294967296")],
        ["defaultAction"] = Actions,
        ["unknownAction"] = Actions,
        ["action"] = Actions,
        ["architectures"] = [Q("native"), Q("x86_64"), Q("x86"), Q("i386"), Q("x32"), Q("aarch64"), Q("arm"), BQ("mips")],
        ["index"] = [P("0"), P("1"), P("2"), P("5"), BP("6"), BP("-1")],
        ["op"] = [Q("eq"), Q("ne"), Q("lt"), Q("le"), Q("gt"), Q("ge"), Q("masked-eq"), BQ("regex")],
        ["value"] = Numbers,
        ["mask"] = Numbers,
        ["maskedPaths"] = Paths,
        ["readOnlyPaths"] = Paths,
        ["path"] = Paths,
        ["target"] = Paths,
        ["options"] = [Q("nosuid"), Q("nodev"), Q("noexec"), Q("exec"), Q("ro"), BQ("rw")],
        ["modes"] = [Q("ro"), BQ("rw"), Q("none"), Q("bridge"), Q("host")],
        ["allow"] = [Q("read"), Q("write"), Q("execute")],
        ["bind"] = [P("0"), P("80"), P("443"), P("65535"), BP("65536"), Q("0-65535"), Q("1000-2000"), BQ("2000-1000"), Q("80-80"), Q("0-0"), BQ("99999-1")],
        ["connect"] = [P("0"), P("53"), P("443"), P("65535"), Q("0-65535"), Q("1-1024")],
        ["memory"] = [Q("512Mi"), Q("1Gi"), P("0"), P("1"), P("4096"), Q("1Ti"), BQ("9999999999999Ti"), BQ("18446744073709551615")],
        ["pids"] = [P("0"), P("1"), P("64"), BP("-1"), P("4194304"), P("9223372036854775807")],
        ["quota"] = [P("0"), P("1"), P("1000"), P("100000"), P("1000000"), P("18446744073709551615")],
        ["period"] = [P("0"), P("1"), P("1000"), P("100000"), P("1000000"), BP("1000001")],
        ["weight"] = [P("0"), P("1"), P("100"), P("10000"), BP("10001"), BP("262144")],
        ["soft"] = [P("0"), P("1"), P("4096"), P("1048576"), P("18446744073709551615"), BP("-1"), BQ("unlimited")],
        ["hard"] = [P("0"), P("1"), P("4096"), P("1048576"), P("18446744073709551615"), BP("-1"), BQ("unlimited")],
        ["type"] = [Q("c"), Q("b"), BQ("p")],
        ["major"] = [P("0"), P("1"), P("10"), P("136"), P("4095"), BP("4096"), BP("-1")],
        ["minor"] = [P("0"), P("3"), P("229"), P("1048575"), BP("1048576")],
        ["access"] = [Q("rwm"), Q("r"), Q("w"), Q("m"), Q(""), BQ("rwmx")],
        ["fileMode"] = [Q("0666"), Q("0600"), BQ("7777"), Q("0")],
        ["rules"] =
        [
            Q("deny /etc/shadow r,"), Q("capability sys_admin,"), Q("owner /tmp/** rw,"), Q("} profile evil {"), Q("#include </etc/passwd>"),
            Q("deny network raw,"), Q("/** rwlkmix,"), Q("change_profile -> unconfined,"), Q("signal (send) peer=unconfined,"), Q(""),
        ],
        ["sysctls"] = [Q("1"), Q("0"), Q("65535"), BQ("a b"), Q("")],
        ["comment"] = [Q("x"), Q("ünïcödé \u202e"), Q(new string('#', 200))],
        ["description"] = [Q("x"), Q("")],
    }.ToFrozenDictionary();

    private static readonly string[] SysctlKeys =
    [
        "net.ipv4.ip_forward", "net.ipv4.ping_group_range", "net.core.somaxconn", "kernel.shm_rmid_forced", "kernel.msgmax",
        "fs.mqueue.msg_max", "kernel.domainname", "kernel.hostname", "vm.swappiness", "kernel.core_pattern", "net.ipv4.conf.all.forwarding",
    ];

    private static readonly string[] RlimitKeys =
        ["cpu", "fsize", "data", "stack", "core", "rss", "nproc", "nofile", "memlock", "as", "locks", "sigpending", "msgqueue", "nice", "rtprio", "rttime", "bogus"];

    private static readonly string[] Syscalls = [.. SyscallTable.Names(SeccompArch.X86_64).Order(StringComparer.Ordinal)];

    private static readonly string[] Groups = [.. SyscallGroups.Names.Order(StringComparer.Ordinal)];

    /// <summary>A replacement scalar for a node under <paramref name="key"/>.</summary>
    public static YTree ValueFor(string key, Random random)
    {
        if (key == "syscalls")
        {
            return random.Next(4) switch
            {
                0 => YTree.Scalar("@" + Groups[random.Next(Groups.Length)], quoted: true),
                1 when random.Next(6) == 0 => YTree.Scalar(random.Next(2) == 0 ? "opne" : "@nope", quoted: true),
                _ => YTree.Scalar(Syscalls[random.Next(Syscalls.Length)], quoted: true),
            };
        }

        if (random.Next(20) == 0 || !ByKey.TryGetValue(key, out var choices))
        {
            choices = random.Next(3) == 0 ? Numbers : [.. ByKey.Values.SelectMany(v => v)];
        }

        // Near misses one time in eight, so that most mutants stay valid and reach the compiler.
        var wanted = random.Next(8) == 0;
        var pick = choices[random.Next(choices.Length)];
        for (var tries = 0; tries < 4 && pick.Item3 != wanted; tries++)
        {
            pick = choices[random.Next(choices.Length)];
        }

        return YTree.Scalar(pick.Item1, pick.Item2);
    }

    /// <summary>A new key for a mapping found under <paramref name="parentKey"/> (only maps with free-form keys).</summary>
    public static string? NewKeyFor(string parentKey, Random random) => parentKey switch
    {
        "sysctls" => SysctlKeys[random.Next(SysctlKeys.Length)],
        "rlimits" => RlimitKeys[random.Next(RlimitKeys.Length)],
        "groups" => random.Next(2) == 0 ? "my-io" : Groups[random.Next(Groups.Length)],
        "labels" => "team",
        _ => null,
    };

    private static (string, bool, bool) P(string text) => (text, false, false);

    private static (string, bool, bool) Q(string text) => (text, true, false);

    /// <summary>A near miss: a value the schema or the semantic checks refuse (plain).</summary>
    private static (string, bool, bool) BP(string text) => (text, false, true);

    /// <summary>A near miss (quoted).</summary>
    private static (string, bool, bool) BQ(string text) => (text, true, true);
}
