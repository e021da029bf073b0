namespace Hctr.Policy.Seccomp;

/// <summary>Classic BPF opcode fields (include/uapi/linux/filter.h, bpf_common.h).</summary>
internal static class Bpf
{
    // classes
    public const ushort Ld = 0x00, Ldx = 0x01, St = 0x02, Stx = 0x03, Alu = 0x04, Jmp = 0x05, Ret = 0x06, Misc = 0x07;
    // ld/ldx sizes and modes
    public const ushort W = 0x00, H = 0x08, B = 0x10;
    public const ushort Imm = 0x00, Abs = 0x20, Ind = 0x40, Mem = 0x60, Len = 0x80, Msh = 0xa0;
    // alu/jmp operations
    public const ushort Add = 0x00, Sub = 0x10, Mul = 0x20, Div = 0x30, Or = 0x40, And = 0x50, Lsh = 0x60, Rsh = 0x70,
        Neg = 0x80, Mod = 0x90, Xor = 0xa0;
    public const ushort Ja = 0x00, Jeq = 0x10, Jgt = 0x20, Jge = 0x30, Jset = 0x40;
    // sources
    public const ushort K = 0x00, X = 0x08;
    // ret sources
    public const ushort RetA = 0x10;
    // misc
    public const ushort Tax = 0x00, Txa = 0x80;

    public const int MemWords = 16; // BPF_MEMWORDS

    public static ushort Class(ushort code) => (ushort)(code & 0x07);
    public static ushort Size(ushort code) => (ushort)(code & 0x18);
    public static ushort Mode(ushort code) => (ushort)(code & 0xe0);
    public static ushort Op(ushort code) => (ushort)(code & 0xf0);
    public static ushort Src(ushort code) => (ushort)(code & 0x08);

    public static SockFilter Stmt(ushort code, uint k) => new(code, 0, 0, k);

    public static SockFilter Jump(ushort code, uint k, byte jt, byte jf) => new(code, jt, jf, k);

    public static SockFilter LoadAbs(uint offset) => Stmt(Ld | W | Abs, offset);

    public static SockFilter Return(uint value) => Stmt(Ret | K, value);
}
