using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CsCheck;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

/// <summary>
/// Loads compiled filters into the real kernel. The .NET test process is multithreaded, so
/// each filter goes to a fresh child: native/seccomp-run.c, compiled here with cc, reads the
/// filter bytes, sets no_new_privs, loads the filter, makes one syscall and prints the result.
/// </summary>
[Trait("Category", "Kernel")]
public sealed class BpfCompilerKernelTests
{
    private const int SigSys = 31;
    private const ushort EACCES = 13, ENOSYS = 38, EPERM = 1;

    private static readonly Lazy<string> Helper = new(BuildHelper);

    private static SeccompArch Native => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? SeccompArch.Aarch64 : SeccompArch.X86_64;

    private static int Nr(string name) =>
        SyscallTable.TryGetNumber(Native, name, out var nr) ? nr : throw new InvalidOperationException(name);

    [KernelFact]
    public void Errno_WithA64BitArgumentCondition()
    {
        var rule = Rule("getppid", SeccompAction.Errno(EACCES), new ArgCondition(0, ArgOp.Eq, 0x1_0000_0007));
        var filter = Compile(SeccompAction.Allow, rule);
        Assert.Equal((-1, (int)EACCES), Returned(Run(filter, Nr("getppid"), 0x1_0000_0007)));
        Assert.True(Returned(Run(filter, Nr("getppid"), 7)).Ret > 0); // high word differs: allowed
    }

    [KernelFact]
    public void Allow_UnderADefaultDeny()
    {
        var rule = Rule(["getppid", "write", "exit_group", "exit"], SeccompAction.Allow);
        var filter = Compile(SeccompAction.Errno(EPERM), rule);
        Assert.True(Returned(Run(filter, Nr("getppid"))).Ret > 0);
        Assert.Equal((-1, (int)EPERM), Returned(Run(filter, Nr("getpid"))));
    }

    [KernelFact]
    public void Log_Allows() =>
        Assert.True(Returned(Run(Compile(SeccompAction.Allow, Rule("getppid", new SeccompAction(SeccompActionKind.Log))), Nr("getppid"))).Ret > 0);

    [KernelFact]
    public void KillProcess_DiesBySigsys_EvenWithAHandler()
    {
        var result = Run(Compile(SeccompAction.Allow, Rule("getppid", SeccompAction.KillProcess)), Nr("getppid"), catchSigsys: true);
        Assert.Equal(128 + SigSys, result.ExitCode);
        Assert.DoesNotContain("sigsys", result.Stdout);
    }

    [KernelFact]
    public void KillThread_KillsTheOnlyThread() =>
        Assert.Equal(128 + SigSys, Run(Compile(SeccompAction.Allow, Rule("getppid", new SeccompAction(SeccompActionKind.KillThread))), Nr("getppid")).ExitCode);

    [KernelFact]
    public void Trap_DeliversSigsys()
    {
        var result = Run(Compile(SeccompAction.Allow, Rule("getppid", new SeccompAction(SeccompActionKind.Trap))), Nr("getppid"), catchSigsys: true);
        Assert.Equal(42, result.ExitCode);
        Assert.Contains("sigsys", result.Stdout);
    }

    [KernelFact]
    public void TraceWithoutTracer_AndNotifyWithoutListener_FailWithEnosys()
    {
        Assert.Equal((-1, (int)ENOSYS), Returned(Run(Compile(SeccompAction.Allow, Rule("getppid", new SeccompAction(SeccompActionKind.Trace, 5))), Nr("getppid"))));
        Assert.Equal((-1, (int)ENOSYS), Returned(Run(Compile(SeccompAction.Allow, Rule("getppid", new SeccompAction(SeccompActionKind.Notify))), Nr("getppid"))));
    }

    [KernelFact]
    public void UnknownSyscallNumber_GetsEnosys() =>
        Assert.Equal((-1, (int)ENOSYS), Returned(Run(Compile(SeccompAction.Allow, Rule("getppid", SeccompAction.Allow)), 1000)));

    [KernelFact]
    public void X32SyscallBit_IsKilled_WhenX32IsNotListed()
    {
        if (Native != SeccompArch.X86_64)
            return; // x32 exists only on x86_64
        var filter = Compile(SeccompAction.Allow, Rule("getppid", SeccompAction.Allow));
        Assert.Equal(128 + SigSys, Run(filter, 0x40000000 | Nr("getpid")).ExitCode);
        Assert.Equal((-1, (int)ENOSYS), Returned(Run(filter, -1))); // nr -1 (tracer skip) is not killed
    }

    [KernelFact]
    public void DockerDefault_LoadsAndDecides()
    {
        var arches = Native == SeccompArch.X86_64 ? new[] { SeccompArch.X86_64, SeccompArch.X86, SeccompArch.X32 } : [Native];
        var result = BpfCompiler.Compile(RuleResolver.Resolve(DockerDefaultRuleSet.Create(arches), out _), Native);
        var filter = result.Program!.ToBytes();
        Assert.True(Returned(Run(filter, Nr("getppid"))).Ret > 0);
        Assert.Equal((-1, (int)EPERM), Returned(Run(filter, Nr("mount"))));
        Assert.Equal((-1, (int)ENOSYS), Returned(Run(filter, Nr("clone3"))));
        Assert.Equal((-1, (int)EPERM), Returned(Run(filter, Nr("socket"), 38)));   // AF_ALG
        Assert.NotEqual((int)EPERM, Returned(Run(filter, Nr("socket"), 1)).Errno); // AF_UNIX passes (type 0 is then refused by the kernel)
        Assert.True(Returned(Run(filter, Nr("personality"), 0xFFFFFFFF)).Ret >= 0);
        Assert.Equal((-1, (int)EPERM), Returned(Run(filter, Nr("personality"), 1)));
    }

    /// <summary>
    /// Differential check: random argument rules on getppid (everything else allowed), called
    /// with boundary arguments; the kernel's outcome must match the interpreter's decision.
    /// </summary>
    [KernelFact]
    public void RandomArgumentRules_KernelAgreesWithInterpreter()
    {
        ulong[] values = [0, 1, 0xFFFFFFFF, 0x100000000, 0x1_0000_0001, ulong.MaxValue];
        var genCondition = Gen.Select(Gen.Int[0, 2], Gen.Enum<ArgOp>(), Gen.OneOfConst(values), Gen.OneOfConst(values),
            (i, op, v, m) => new ArgCondition(i, op, op == ArgOp.MaskedEq ? v & m : v, op == ArgOp.MaskedEq ? m : 0));
        var genAction = Gen.OneOfConst(SeccompAction.Errno(EACCES), SeccompAction.Errno(EPERM), SeccompAction.Allow, SeccompAction.KillProcess);
        var genRule = Gen.Select(genCondition.Array[1, 3], genAction, (c, a) => Rule("getppid", a, c));
        var genArgs = Gen.OneOfConst(values).Array[3];
        Gen.Select(genRule.Array[1, 4], genArgs).Sample((rules, args) =>
        {
            var set = new SeccompRuleSet(SeccompAction.Allow, SeccompAction.Errno(ENOSYS), [Native], [.. rules]);
            var program = BpfCompiler.Compile(RuleResolver.Resolve(set, out _), Native).Program!;
            var data = new SeccompData(Nr("getppid"), SyscallTable.AuditArch(Native), 0, args[0], args[1], args[2]);
            var expected = BpfInterpreter.Run(program, data, out _);
            var result = Run(program.ToBytes(), Nr("getppid"), args);
            if (expected == SeccompAction.KillProcess.ToRet())
                Assert.Equal(128 + SigSys, result.ExitCode);
            else if (expected == SeccompAction.Allow.ToRet())
                Assert.True(Returned(result).Ret > 0);
            else
                Assert.Equal((-1, (int)(expected & 0xFFFF)), Returned(result));
        }, iter: 40, threads: 2);
    }

    private static NamedRule Rule(string name, SeccompAction action, params ArgCondition[] conditions) => Rule([name], action, conditions);

    private static NamedRule Rule(string[] names, SeccompAction action, params ArgCondition[] conditions) =>
        new([.. names], [.. conditions], action, SourceLocation.None);

    private static byte[] Compile(SeccompAction defaultAction, NamedRule rule)
    {
        var set = new SeccompRuleSet(defaultAction, SeccompAction.Errno(ENOSYS), [Native], [rule]);
        var result = BpfCompiler.Compile(RuleResolver.Resolve(set, out _), Native);
        Assert.Null(result.Error);
        return result.Program!.ToBytes();
    }

    private static (int Ret, int Errno) Returned((int ExitCode, string Stdout, string Stderr) result)
    {
        Assert.True(result.ExitCode == 0, $"helper exit {result.ExitCode}: {result.Stdout} {result.Stderr}");
        var parts = result.Stdout.Split(' ', '=');
        return (int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(byte[] filter, int nr, ulong arg0 = 0, bool catchSigsys = false) =>
        Run(filter, nr, [arg0], catchSigsys);

    private static (int ExitCode, string Stdout, string Stderr) Run(byte[] filter, int nr, ulong[] syscallArgs, bool catchSigsys = false)
    {
        var file = Path.Combine(Path.GetDirectoryName(Helper.Value)!, $"filter-{Guid.NewGuid():N}.bpf");
        File.WriteAllBytes(file, filter);
        try
        {
            string[] args =
            [
                file,
                nr.ToString(CultureInfo.InvariantCulture),
                .. syscallArgs.Select(a => a.ToString(CultureInfo.InvariantCulture)),
                .. catchSigsys ? new[] { "--catch-sigsys" } : [],
            ];
            return HostTools.Run(Helper.Value, args);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string BuildHelper()
    {
        var dir = Directory.CreateTempSubdirectory("hctr-seccomp-run-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, recursive: true);
        var output = Path.Combine(dir, "seccomp-run");
        var source = Path.Combine(SourceDir(), "native", "seccomp-run.c");
        var (exit, stdout, stderr) = HostTools.Run(HostTools.Find("cc")!, "-O1", "-Wall", "-o", output, source);
        if (exit != 0)
            throw new InvalidOperationException($"cc failed ({exit}): {stdout} {stderr}");
        return output;
    }

    private static string SourceDir([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
