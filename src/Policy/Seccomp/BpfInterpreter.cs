namespace Hctr.Policy.Seccomp;

/// <summary>
/// A classic BPF virtual machine with seccomp's rules: the packet is <see cref="SeccompData"/>
/// (64 bytes, only 32-bit aligned absolute loads), 16 scratch words, no packet-relative or
/// byte/half loads. Anything the kernel would refuse or that cannot run to a <c>ret</c>
/// (jump or load out of range, unknown opcode, falling off the end, division by constant 0)
/// throws <see cref="InvalidProgramException"/>. Division by a zero X ends the program with
/// return value 0, as in the kernel.
/// </summary>
public sealed class BpfInterpreter
{
    private BpfInterpreter()
    {
    }

    public static uint Run(SeccompProgram p, in SeccompData data, out int executedInstructions) =>
        Run(p, data, out executedInstructions, out _);

    /// <summary>
    /// Runs the program; <paramref name="loadedWords"/> has bit i set when the word at byte
    /// offset 4*i of seccomp_data was loaded (bit 0 nr, bit 1 arch, bits 4.. arguments).
    /// </summary>
    internal static uint Run(SeccompProgram p, in SeccompData data, out int executedInstructions, out ushort loadedWords)
    {
        var code = p.Instructions;
        if (code.IsDefaultOrEmpty || code.Length > SeccompRet.MaxInstructions)
            throw new InvalidProgramException($"program length {(code.IsDefault ? 0 : code.Length)} is outside 1..{SeccompRet.MaxInstructions}");
        Span<uint> mem = stackalloc uint[Bpf.MemWords];
        uint a = 0, x = 0;
        var pc = 0;
        executedInstructions = 0;
        loadedWords = 0;
        while (true)
        {
            if ((uint)pc >= (uint)code.Length)
                throw new InvalidProgramException($"execution left the program at {pc} (length {code.Length})");
            var insn = code[pc];
            executedInstructions++;
            pc++;
            switch (Bpf.Class(insn.Code))
            {
                case Bpf.Ld:
                    a = Load(insn, data, mem, ref loadedWords);
                    break;
                case Bpf.Ldx:
                    x = insn.Code switch
                    {
                        Bpf.Ldx | Bpf.W | Bpf.Imm => insn.K,
                        Bpf.Ldx | Bpf.W | Bpf.Len => SeccompRet.DataSize,
                        Bpf.Ldx | Bpf.W | Bpf.Mem => mem[MemIndex(insn.K)],
                        _ => throw Invalid(pc - 1, insn),
                    };
                    break;
                case Bpf.St:
                    mem[MemIndex(insn.K)] = a;
                    break;
                case Bpf.Stx:
                    mem[MemIndex(insn.K)] = x;
                    break;
                case Bpf.Alu:
                    if (Bpf.Src(insn.Code) == Bpf.X && x == 0 && Bpf.Op(insn.Code) is Bpf.Div or Bpf.Mod)
                        return 0; // the kernel ends the program with 0 on division by a zero X
                    a = Alu(insn, a, x, pc - 1);
                    break;
                case Bpf.Jmp:
                    pc += Jump(insn, a, x, pc - 1);
                    break;
                case Bpf.Ret:
                    return insn.Code switch
                    {
                        Bpf.Ret | Bpf.K => insn.K,
                        Bpf.Ret | Bpf.RetA => a,
                        _ => throw Invalid(pc - 1, insn),
                    };
                case Bpf.Misc:
                    if (insn.Code == (Bpf.Misc | Bpf.Tax)) x = a;
                    else if (insn.Code == (Bpf.Misc | Bpf.Txa)) a = x;
                    else throw Invalid(pc - 1, insn);
                    break;
            }
        }
    }

    private static uint Load(SockFilter insn, in SeccompData data, Span<uint> mem, ref ushort loadedWords)
    {
        switch (insn.Code)
        {
            case Bpf.Ld | Bpf.W | Bpf.Abs:
                var word = data.ReadWord(insn.K);
                loadedWords |= (ushort)(1 << (int)(insn.K / 4));
                return word;
            case Bpf.Ld | Bpf.W | Bpf.Len:
                return SeccompRet.DataSize;
            case Bpf.Ld | Bpf.W | Bpf.Imm:
                return insn.K;
            case Bpf.Ld | Bpf.W | Bpf.Mem:
                return mem[MemIndex(insn.K)];
            default:
                throw new InvalidProgramException($"load 0x{insn.Code:x4} is not allowed in seccomp filters");
        }
    }

    private static int MemIndex(uint k) =>
        k < Bpf.MemWords ? (int)k : throw new InvalidProgramException($"scratch memory index {k} is out of range 0..15");

    private static uint Alu(SockFilter insn, uint a, uint x, int at)
    {
        var op = Bpf.Op(insn.Code);
        var src = Bpf.Src(insn.Code) == Bpf.X ? x : insn.K;
        if (Bpf.Src(insn.Code) == Bpf.K && (op == Bpf.Div || op == Bpf.Mod) && insn.K == 0)
            throw new InvalidProgramException($"instruction {at}: division by constant zero");
        if (Bpf.Src(insn.Code) == Bpf.K && (op == Bpf.Lsh || op == Bpf.Rsh) && insn.K >= 32)
            throw new InvalidProgramException($"instruction {at}: shift by {insn.K}");
        return op switch
        {
            Bpf.Add => unchecked(a + src),
            Bpf.Sub => unchecked(a - src),
            Bpf.Mul => unchecked(a * src),
            Bpf.Div => a / src,
            Bpf.Mod => a % src,
            Bpf.Or => a | src,
            Bpf.And => a & src,
            Bpf.Xor => a ^ src,
            Bpf.Lsh => src >= 32 ? 0 : a << (int)src,
            Bpf.Rsh => src >= 32 ? 0 : a >> (int)src,
            Bpf.Neg => unchecked((uint)-(int)a),
            _ => throw Invalid(at, insn),
        };
    }

    private static int Jump(SockFilter insn, uint a, uint x, int at)
    {
        var op = Bpf.Op(insn.Code);
        if (op == Bpf.Ja)
            return insn.K <= int.MaxValue ? (int)insn.K : throw Invalid(at, insn);
        var src = Bpf.Src(insn.Code) == Bpf.X ? x : insn.K;
        var taken = op switch
        {
            Bpf.Jeq => a == src,
            Bpf.Jgt => a > src,
            Bpf.Jge => a >= src,
            Bpf.Jset => (a & src) != 0,
            _ => throw Invalid(at, insn),
        };
        return taken ? insn.Jt : insn.Jf;
    }

    private static InvalidProgramException Invalid(int at, SockFilter insn) =>
        new($"instruction {at}: opcode 0x{insn.Code:x4} is not a valid seccomp BPF instruction");
}
