using System.Collections.Immutable;
using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

[Trait("Category", "Unit")]
public sealed class BpfCompilerTests
{
    private const uint AuditX86_64 = 0xC000003E;

    private static SeccompProgram CompileDocker(out ImmutableArray<ArchRuleTable> tables)
    {
        tables = RuleResolver.Resolve(DockerDefaultRuleSet.Create(), out _);
        var result = BpfCompiler.Compile(tables, SeccompArch.X86_64);
        Assert.Null(result.Error);
        return result.Program!;
    }

    [Fact]
    public void DockerDefault_Compiles_AndAgreesWithReference()
    {
        var program = CompileDocker(out var tables);
        Assert.InRange(program.Instructions.Length, 10, 4096);
        foreach (var arch in new uint[] { AuditX86_64, 0x40000003, 0xC00000B7, 0 })
        {
            foreach (var nr in Numbers())
            {
                foreach (var arg0 in new ulong[] { 0, 1, 8, 37, 38, 39, 40, 41, 0xFFFFFFFF, 0x100000000, 0x10000, ulong.MaxValue })
                {
                    var data = new SeccompData(nr, arch, 0, arg0);
                    Assert.Equal(ReferenceEvaluator.Evaluate(tables, data), BpfInterpreter.Run(program, data, out _));
                }
            }
        }
    }

    [Fact]
    public void DockerDefault_UnconditionalPaths_NeverLoadArguments()
    {
        var program = CompileDocker(out var tables);
        var checkedPaths = 0;
        foreach (var nr in Numbers())
        {
            var abi = unchecked((uint)nr) >= 0x40000000 ? SeccompArch.X32 : SeccompArch.X86_64;
            var hasArgRules = tables.Single(t => t.Arch == abi).Rules.TryGetValue(nr, out var rules) && rules.Any(r => !r.IsUnconditional);
            if (hasArgRules)
                continue;
            BpfInterpreter.Run(program, new SeccompData(nr, AuditX86_64, 0x1234, 1, 2, 3, 4, 5, 6), out _, out var loaded);
            Assert.Equal(0b11, loaded); // nr and arch only
            checkedPaths++;
        }
        Assert.True(checkedPaths > 300);
    }

    [Fact]
    public void DockerDefault_IsDeterministic()
    {
        var a = CompileDocker(out _);
        var b = CompileDocker(out _);
        Assert.Equal(a.ToBytes(), b.ToBytes());
    }

    private static IEnumerable<int> Numbers()
    {
        for (var nr = 0; nr < 1100; nr++) yield return nr;
        for (var nr = 0x40000000; nr < 0x40000000 + 600; nr += 7) yield return nr;
        yield return -1;
        yield return int.MaxValue;
        yield return int.MinValue;
    }
}
