namespace Hctr.Policy.Seccomp;

/// <summary>
/// Emits one 64-bit argument comparison as 32-bit BPF on both halves (seccomp_data is
/// little-endian: low word at 16+8*i, high word at +4). The high word decides unless it
/// equals the constant's high word; then the low word decides. Control goes to
/// <c>pass</c> or <c>fail</c>.
/// </summary>
internal static class ArgConditionEmitter
{
    public static void Emit(BpfAssembler asm, ArgCondition c, BpfLabel pass, BpfLabel fail)
    {
        var lo = SeccompRet.ArgsOffset + 8 * (uint)c.Index;
        var hi = lo + 4;
        var kLo = (uint)c.Value;
        var kHi = (uint)(c.Value >> 32);
        switch (c.Op)
        {
            case ArgOp.Eq:
                Equal(asm, hi, lo, kHi, kLo, pass, fail);
                break;
            case ArgOp.Ne:
                Equal(asm, hi, lo, kHi, kLo, fail, pass);
                break;
            case ArgOp.Gt:
                Greater(asm, hi, lo, kHi, kLo, Bpf.Jgt, pass, fail);
                break;
            case ArgOp.Ge:
                Greater(asm, hi, lo, kHi, kLo, Bpf.Jge, pass, fail);
                break;
            case ArgOp.Lt: // arg < K  ==  !(arg >= K)
                Greater(asm, hi, lo, kHi, kLo, Bpf.Jge, fail, pass);
                break;
            case ArgOp.Le: // arg <= K ==  !(arg > K)
                Greater(asm, hi, lo, kHi, kLo, Bpf.Jgt, fail, pass);
                break;
            case ArgOp.MaskedEq:
                MaskedEqual(asm, hi, lo, c.Value, c.Mask, pass, fail);
                break;
            default:
                throw new SeccompCompileException($"unknown argument operator {c.Op}");
        }
    }

    private static void Equal(BpfAssembler asm, uint hi, uint lo, uint kHi, uint kLo, BpfLabel yes, BpfLabel no)
    {
        var low = asm.NewLabel();
        asm.Emit(Bpf.LoadAbs(hi));
        asm.Branch(Bpf.Jmp | Bpf.Jeq | Bpf.K, kHi, low, no);
        asm.Mark(low);
        asm.Emit(Bpf.LoadAbs(lo));
        asm.Branch(Bpf.Jmp | Bpf.Jeq | Bpf.K, kLo, yes, no);
    }

    /// <summary>arg OP K for OP in {&gt;, &gt;=} (given by <paramref name="lowJump"/>).</summary>
    private static void Greater(BpfAssembler asm, uint hi, uint lo, uint kHi, uint kLo, ushort lowJump, BpfLabel yes, BpfLabel no)
    {
        var highEqual = asm.NewLabel();
        var low = asm.NewLabel();
        asm.Emit(Bpf.LoadAbs(hi));
        if (kHi == uint.MaxValue)
        {
            // The high word cannot be greater; only equality leads on to the low word.
            asm.Branch(Bpf.Jmp | Bpf.Jeq | Bpf.K, kHi, low, no);
        }
        else
        {
            asm.Branch(Bpf.Jmp | Bpf.Jgt | Bpf.K, kHi, yes, highEqual);
            asm.Mark(highEqual);
            // With kHi == 0, "not greater" already means "equal".
            if (kHi != 0)
                asm.Branch(Bpf.Jmp | Bpf.Jeq | Bpf.K, kHi, low, no);
        }
        asm.Mark(low);
        asm.Emit(Bpf.LoadAbs(lo));
        asm.Branch((ushort)(Bpf.Jmp | lowJump | Bpf.K), kLo, yes, no);
    }

    private static void MaskedEqual(BpfAssembler asm, uint hi, uint lo, ulong value, ulong mask, BpfLabel yes, BpfLabel no)
    {
        if ((value & ~mask) != 0)
        {
            // (arg & mask) can never have bits outside the mask.
            asm.Goto(no);
            return;
        }
        var mHi = (uint)(mask >> 32);
        if (mHi != 0)
        {
            var low = asm.NewLabel();
            asm.Emit(Bpf.LoadAbs(hi));
            if (mHi != uint.MaxValue)
                asm.Emit(Bpf.Stmt(Bpf.Alu | Bpf.And | Bpf.K, mHi));
            asm.Branch(Bpf.Jmp | Bpf.Jeq | Bpf.K, (uint)(value >> 32), low, no);
            asm.Mark(low);
        }
        // mHi == 0: the high half of (arg & mask) is 0, and so is value's (checked above).
        var mLo = (uint)mask;
        asm.Emit(Bpf.LoadAbs(lo));
        if (mLo != uint.MaxValue)
            asm.Emit(Bpf.Stmt(Bpf.Alu | Bpf.And | Bpf.K, mLo));
        asm.Branch(Bpf.Jmp | Bpf.Jeq | Bpf.K, (uint)value, yes, no);
    }
}
