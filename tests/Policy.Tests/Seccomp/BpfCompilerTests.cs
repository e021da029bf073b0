using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Hctr.Policy.Diagnostics;
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

    [Fact]
    public void DockerDefault_UsesLongJumps_AndStaysInRange()
    {
        var program = CompileDocker(out _);
        Assert.Contains(program.Instructions, i => i.Code == (Bpf.Jmp | Bpf.Ja));
        BpfAssemblerTests.AssertJumpsInRange(program);
    }

    /// <summary>
    /// Golden disassembly of the Docker default filter for x86_64/x86/x32. Regenerate with
    /// HCTR_UPDATE_GOLDEN=1 and review the diff.
    /// </summary>
    [Fact]
    public void DockerDefault_MatchesGoldenDisassembly()
    {
        var text = BpfDisassembler.Disassemble(CompileDocker(out _));
        var path = Path.Combine(SourceDir(), "golden", "docker-default.x86_64.bpf.txt");
        if (Environment.GetEnvironmentVariable("HCTR_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        Assert.True(File.Exists(path), $"golden file missing; run with HCTR_UPDATE_GOLDEN=1 to create {path}");
        Assert.Equal(File.ReadAllText(path), text);
    }

    [Fact]
    public void X32NotListed_X32NumbersAreKilled_AndX86_64NotListed_NativeNumbersAreKilled()
    {
        var only64 = Compile([Table(SeccompArch.X86_64, (0, Allow()))]);
        Assert.Equal(0x7fff0000u, Run(only64, 0, AuditX86_64));
        Assert.Equal(0x80000000u, Run(only64, 0x40000000, AuditX86_64));
        Assert.Equal(0x80000000u, Run(only64, unchecked((int)0xC0000000), AuditX86_64));

        var only32 = Compile([Table(SeccompArch.X32, (0x40000000, Allow()))]);
        Assert.Equal(0x80000000u, Run(only32, 0, AuditX86_64));
        Assert.Equal(0x7fff0000u, Run(only32, 0x40000000, AuditX86_64));
        Assert.Equal(0x80000000u, Run(only32, 0x40000000, 0x40000003)); // i386 not listed
    }

    [Fact]
    public void UnknownNumbers_GetUnknownAction_KnownUnlisted_GetDefault()
    {
        var p = Compile([Table(SeccompArch.X86_64, (0, Allow()))]);
        Assert.Equal(0x00050001u, Run(p, 1, AuditX86_64));      // write: known, unlisted → EPERM
        Assert.Equal(0x00050026u, Run(p, 1000, AuditX86_64));   // unknown → ENOSYS
        Assert.Equal(0x00050026u, Run(p, -1, AuditX86_64));     // a tracer's skipped syscall: unknown, not an x32 kill
        Assert.Equal(0x80000000u, Run(p, -2, AuditX86_64));     // other x32-half numbers are killed
    }

    [Fact]
    public void Errors_AreReported_NotThrown()
    {
        Assert.Contains("no architectures", BpfCompiler.Compile([], SeccompArch.X86_64).Error);
        var table = Table(SeccompArch.X86_64, (0, Allow()));
        Assert.Contains("twice", BpfCompiler.Compile([table, table], SeccompArch.X86_64).Error);
        var badIndex = Table(SeccompArch.X86_64, (0, new SyscallRule([new ArgCondition(6, ArgOp.Eq, 0)], SeccompAction.Allow, new SourceLocation("p.yaml", 4, 2))));
        Assert.Contains("p.yaml:4:2", BpfCompiler.Compile([badIndex], SeccompArch.X86_64).Error);
        var outside = Table(SeccompArch.X86_64, (0x40000001, Allow()));
        Assert.Contains("outside", BpfCompiler.Compile([outside], SeccompArch.X86_64).Error);
    }

    [Fact]
    public void TooManyInstructions_IsAClearError()
    {
        var conditions = ImmutableArray.Create(new ArgCondition(0, ArgOp.Gt, 5), new ArgCondition(1, ArgOp.Lt, 7), new ArgCondition(2, ArgOp.Ne, 9));
        var rules = Enumerable.Range(0, 300).Select(nr => (nr, new SyscallRule(conditions, SeccompAction.Allow, SourceLocation.None))).ToArray();
        var result = BpfCompiler.Compile([Table(SeccompArch.X86_64, rules)], SeccompArch.X86_64);
        Assert.Null(result.Program);
        Assert.Contains("at most 4096", result.Error);
    }

    private static SyscallRule Allow() => new([], SeccompAction.Allow, SourceLocation.None);

    private static ArchRuleTable Table(SeccompArch arch, params (int Nr, SyscallRule Rule)[] rules) => new(
        arch,
        rules.GroupBy(r => r.Nr).ToFrozenDictionary(g => g.Key, g => g.Select(r => r.Rule).ToImmutableArray()),
        SeccompAction.Errno(1),
        SeccompAction.Errno(38));

    private static SeccompProgram Compile(ImmutableArray<ArchRuleTable> tables)
    {
        var result = BpfCompiler.Compile(tables, SeccompArch.X86_64);
        Assert.Null(result.Error);
        return result.Program!;
    }

    private static uint Run(SeccompProgram p, int nr, uint arch) => BpfInterpreter.Run(p, new SeccompData(nr, arch), out _);

    private static string SourceDir([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;

    private static IEnumerable<int> Numbers()
    {
        for (var nr = 0; nr < 1100; nr++) yield return nr;
        for (var nr = 0x40000000; nr < 0x40000000 + 600; nr += 7) yield return nr;
        yield return -1;
        yield return int.MaxValue;
        yield return int.MinValue;
    }
}
