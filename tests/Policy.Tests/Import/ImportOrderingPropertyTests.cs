using System.Globalization;
using System.Text;
using Hctr.Policy.Import;
using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Import;

/// <summary>
/// Random Docker profiles with overlapping rules (same syscalls, different actions, conditional and not,
/// repeated argument indexes): the imported profile, compiled to BPF, decides every case as the oracle's
/// runc + libseccomp reading does. This checks the rule order the importer chooses, not only Docker's default.
/// </summary>
[Trait("Category", "Unit")]
public class ImportOrderingPropertyTests
{
    private static readonly string[] Names = ["socket", "personality", "read", "mount"];
    private static readonly string[] Ops = ["SCMP_CMP_EQ", "SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_GT", "SCMP_CMP_GE", "SCMP_CMP_MASKED_EQ"];
    private static readonly ulong[] Values = [0, 1, 2, 5, 8, 0xff];
    private static readonly ulong[] ArgCases = [0, 1, 2, 3, 5, 7, 8, 9, 0xff, 0x100, 0x1_0000_0001, ulong.MaxValue];

    [Fact]
    public void Random_overlapping_profiles_import_to_the_same_decisions()
    {
        var random = new Random(20261128);
        var checkedCases = 0;
        for (var iteration = 0; iteration < 150; iteration++)
        {
            var json = RandomProfile(random);
            var imported = DockerSeccompImporter.Import(json, "random.json", ImportOptions.Default with { Name = "random" });
            Assert.True(imported.Succeeded, json + "\n" + string.Join("\n", imported.Diagnostics));
            var filter = ImportEquivalenceTests.Compile(ImportEquivalenceTests.LoadYaml("random.yaml", imported.Yaml!));
            var oracle = new OciSeccompOracle(json);
            foreach (var name in Names)
            {
                Assert.True(SyscallTable.TryGetNumber(SeccompArch.X86_64, name, out var nr));
                foreach (var a0 in ArgCases)
                {
                    foreach (var a1 in ArgCases)
                    {
                        var data = new SeccompData(nr, SyscallTable.AuditArch(SeccompArch.X86_64), Arg0: a0, Arg1: a1);
                        var want = oracle.Decide(name, data);
                        var got = BpfInterpreter.Run(filter, data, out _);
                        Assert.True(want == got,
                            $"{name}(0x{a0:x}, 0x{a1:x}): filter {SeccompRet.Describe(got)}, oracle {SeccompRet.Describe(want)}\n{json}\n{imported.Yaml}");
                        checkedCases++;
                    }
                }
            }
        }

        Assert.True(checkedCases == 150 * 4 * 144);
    }

    private static string RandomProfile(Random r)
    {
        var sb = new StringBuilder();
        var defaultAction = r.Next(4) == 0 ? "\"SCMP_ACT_ALLOW\"" : "\"SCMP_ACT_ERRNO\", \"defaultErrnoRet\": 1";
        sb.Append("{\"defaultAction\": ").Append(defaultAction).Append(", \"architectures\": [\"SCMP_ARCH_X86_64\"], \"syscalls\": [");
        var entries = r.Next(1, 7);
        for (var e = 0; e < entries; e++)
        {
            var names = Names.OrderBy(_ => r.Next()).Take(r.Next(1, 3)).Select(n => $"\"{n}\"");
            sb.Append(e == 0 ? "" : ", ").Append("{\"names\": [").Append(string.Join(", ", names)).Append("], ").Append(RandomAction(r));
            var args = r.Next(3) == 0 ? 0 : r.Next(1, 3);
            sb.Append(", \"args\": [");
            for (var a = 0; a < args; a++)
            {
                var op = Ops[r.Next(Ops.Length)];
                var value = Values[r.Next(Values.Length)];
                var two = op == "SCMP_CMP_MASKED_EQ" ? Values[r.Next(Values.Length)] & value : 0;
                sb.Append(a == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                    $"{{\"index\": {r.Next(2)}, \"value\": {value}, \"valueTwo\": {two}, \"op\": \"{op}\"}}");
            }

            sb.Append("]}");
        }

        return sb.Append("]}").ToString();
    }

    private static string RandomAction(Random r) => r.Next(5) switch
    {
        0 => "\"action\": \"SCMP_ACT_ALLOW\"",
        1 => string.Create(CultureInfo.InvariantCulture, $"\"action\": \"SCMP_ACT_ERRNO\", \"errnoRet\": {r.Next(1, 4)}"),
        2 => "\"action\": \"SCMP_ACT_KILL_PROCESS\"",
        3 => "\"action\": \"SCMP_ACT_TRAP\"",
        _ => "\"action\": \"SCMP_ACT_LOG\"",
    };
}
