using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

[Trait("Category", "Unit")]
public sealed class BpfAssemblerTests
{
    private static void Padding(BpfAssembler asm, int count)
    {
        for (var i = 0; i < count; i++)
            asm.Emit(Bpf.Stmt(Bpf.Ld | Bpf.Imm, (uint)i));
    }

    /// <summary>Branches on nr == 1 to targets <paramref name="trueGap"/> / <paramref name="falseGap"/> instructions away.</summary>
    private static SeccompProgram Build(int trueGap, int falseGap)
    {
        var asm = new BpfAssembler();
        var yes = asm.NewLabel();
        var no = asm.NewLabel();
        asm.Emit(Bpf.LoadAbs(0));
        asm.Branch(Bpf.Jmp | Bpf.Jeq | Bpf.K, 1, yes, no);
        var (first, firstGap, second, secondGap) = trueGap <= falseGap ? (yes, trueGap, no, falseGap - trueGap) : (no, falseGap, yes, trueGap - falseGap);
        asm.Emit(Bpf.Return(0xDEAD)); // never reached
        Padding(asm, firstGap);
        asm.Mark(first);
        asm.Emit(Bpf.Return(first == yes ? 100u : 200u));
        Padding(asm, secondGap);
        asm.Mark(second);
        asm.Emit(Bpf.Return(second == yes ? 100u : 200u));
        return new SeccompProgram(asm.Assemble());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(250, 254)]
    [InlineData(254, 300)]
    [InlineData(300, 10)]
    [InlineData(300, 1000)]
    [InlineData(3000, 3000 + 255)]
    public void FarTargets_AreReachedThroughJa(int trueGap, int falseGap)
    {
        var p = Build(trueGap, falseGap);
        Assert.Equal(100u, BpfInterpreter.Run(p, new SeccompData(1, 0), out _));
        Assert.Equal(200u, BpfInterpreter.Run(p, new SeccompData(2, 0), out _));
        AssertJumpsInRange(p);
    }

    [Fact]
    public void NearTargets_UseOneInstruction()
    {
        var p = Build(10, 20);
        Assert.Equal(2 + 1 + 10 + 1 + 10 + 1, p.Instructions.Length);
        Assert.DoesNotContain(p.Instructions, i => i.Code == (Bpf.Jmp | Bpf.Ja));
    }

    [Fact]
    public void BackwardLabel_IsABug()
    {
        var asm = new BpfAssembler();
        var back = asm.NewLabel();
        asm.Mark(back);
        asm.Emit(Bpf.LoadAbs(0));
        asm.Goto(back);
        Assert.Throws<InvalidOperationException>(() => asm.Assemble());
    }

    internal static void AssertJumpsInRange(SeccompProgram p)
    {
        var code = p.Instructions;
        for (var i = 0; i < code.Length; i++)
        {
            if (Bpf.Class(code[i].Code) != Bpf.Jmp)
                continue;
            if (Bpf.Op(code[i].Code) == Bpf.Ja)
                Assert.InRange((long)i + 1 + code[i].K, i + 1, code.Length - 1);
            else
            {
                Assert.InRange(i + 1 + code[i].Jt, i + 1, code.Length - 1);
                Assert.InRange(i + 1 + code[i].Jf, i + 1, code.Length - 1);
            }
        }
        Assert.Equal(Bpf.Ret, Bpf.Class(code[^1].Code));
    }
}
