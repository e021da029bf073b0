using System.Globalization;
using System.Text;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// Stable text for a program, one line per instruction: <c>index: mnemonic operands</c>, jump
/// targets as absolute indexes, and a comment naming seccomp_data fields and return actions,
/// e.g. <c>0001: jeq  #0xc000003e  jt 0003 jf 0002</c>, <c>0002: ret  #0x80000000  ; KILL_PROCESS</c>.
/// Used in golden files; changing the format changes every golden file.
/// </summary>
public static class BpfDisassembler
{
    public static string Disassemble(SeccompProgram p)
    {
        var text = new StringBuilder();
        for (var i = 0; i < p.Instructions.Length; i++)
        {
            var (body, comment) = Describe(p.Instructions[i], i);
            text.Append(CultureInfo.InvariantCulture, $"{i:D4}: {body}");
            if (comment is not null)
                text.Append("  ; ").Append(comment);
            text.Append('\n');
        }
        return text.ToString();
    }

    private static (string Body, string? Comment) Describe(SockFilter insn, int at)
    {
        var code = insn.Code;
        var k = $"#0x{insn.K:x}";
        var src = Bpf.Src(code) == Bpf.X ? "x" : k;
        return Bpf.Class(code) switch
        {
            Bpf.Ld => Load("ld", insn),
            Bpf.Ldx => Load("ldx", insn),
            Bpf.St => ($"st   M[{insn.K}]", null),
            Bpf.Stx => ($"stx  M[{insn.K}]", null),
            Bpf.Alu => ($"{AluName(code),-4} {(Bpf.Op(code) == Bpf.Neg ? "" : src)}".TrimEnd(), null),
            Bpf.Jmp when Bpf.Op(code) == Bpf.Ja => ($"ja   {Target(at, insn.K)}", null),
            Bpf.Jmp => ($"{JumpName(code),-4} {src,-12} jt {Target(at, insn.Jt)} jf {Target(at, insn.Jf)}", null),
            Bpf.Ret when code == (Bpf.Ret | Bpf.RetA) => ("ret  a", null),
            Bpf.Ret => ($"ret  {k}", SeccompRet.Describe(insn.K)),
            _ => code switch
            {
                Bpf.Misc | Bpf.Tax => ("tax", null),
                Bpf.Misc | Bpf.Txa => ("txa", null),
                _ => ($".word 0x{code:x4} {insn.Jt} {insn.Jf} 0x{insn.K:x8}", "invalid"),
            },
        };
    }

    private static (string, string?) Load(string name, SockFilter insn) => Bpf.Mode(insn.Code) switch
    {
        Bpf.Abs when Bpf.Size(insn.Code) == Bpf.W => ($"{name,-4} [{insn.K}]", FieldName(insn.K)),
        Bpf.Imm => ($"{name,-4} #0x{insn.K:x}", null),
        Bpf.Mem => ($"{name,-4} M[{insn.K}]", null),
        Bpf.Len => ($"{name,-4} len", null),
        _ => ($".word 0x{insn.Code:x4} {insn.Jt} {insn.Jf} 0x{insn.K:x8}", "load not allowed in seccomp"),
    };

    private static string Target(int at, uint offset) => ((long)at + 1 + offset).ToString("D4", CultureInfo.InvariantCulture);

    private static string? FieldName(uint offset) => offset switch
    {
        SeccompRet.NrOffset => "nr",
        SeccompRet.ArchOffset => "arch",
        8 => "instruction_pointer (low)",
        12 => "instruction_pointer (high)",
        >= SeccompRet.ArgsOffset and < SeccompRet.DataSize when offset % 4 == 0 =>
            $"args[{(offset - SeccompRet.ArgsOffset) / 8}] ({((offset - SeccompRet.ArgsOffset) % 8 == 0 ? "low" : "high")})",
        _ => "out of seccomp_data",
    };

    private static string AluName(ushort code) => Bpf.Op(code) switch
    {
        Bpf.Add => "add",
        Bpf.Sub => "sub",
        Bpf.Mul => "mul",
        Bpf.Div => "div",
        Bpf.Or => "or",
        Bpf.And => "and",
        Bpf.Lsh => "lsh",
        Bpf.Rsh => "rsh",
        Bpf.Neg => "neg",
        Bpf.Mod => "mod",
        Bpf.Xor => "xor",
        _ => "alu?",
    };

    private static string JumpName(ushort code) => Bpf.Op(code) switch
    {
        Bpf.Jeq => "jeq",
        Bpf.Jgt => "jgt",
        Bpf.Jge => "jge",
        Bpf.Jset => "jset",
        _ => "jmp?",
    };
}
