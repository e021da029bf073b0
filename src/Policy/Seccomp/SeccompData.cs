namespace Hctr.Policy.Seccomp;

/// <summary>
/// The input of a seccomp filter (<c>struct seccomp_data</c>): nr@0, arch@4,
/// instruction_pointer@8, args[6]@16, 64 bytes, little-endian. Arguments are the six
/// explicit fields; <see cref="GetArg"/> indexes them.
/// </summary>
public readonly record struct SeccompData(
    int Nr,
    uint Arch,
    ulong InstructionPointer = 0,
    ulong Arg0 = 0,
    ulong Arg1 = 0,
    ulong Arg2 = 0,
    ulong Arg3 = 0,
    ulong Arg4 = 0,
    ulong Arg5 = 0)
{
    public ulong GetArg(int index) => index switch
    {
        0 => Arg0,
        1 => Arg1,
        2 => Arg2,
        3 => Arg3,
        4 => Arg4,
        5 => Arg5,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "seccomp has six arguments, 0..5"),
    };

    /// <summary>The 32-bit word at byte <paramref name="offset"/> (4-aligned, below 64) as the filter sees it.</summary>
    public uint ReadWord(uint offset)
    {
        if (offset % 4 != 0 || offset >= SeccompRet.DataSize)
            throw new InvalidProgramException($"seccomp_data load at offset {offset} is out of range or unaligned");
        return offset switch
        {
            0 => unchecked((uint)Nr),
            4 => Arch,
            8 or 12 => Half(InstructionPointer, offset - 8),
            _ => Half(GetArg((int)(offset - SeccompRet.ArgsOffset) / 8), (offset - SeccompRet.ArgsOffset) % 8),
        };
    }

    private static uint Half(ulong value, uint byteOffset) => byteOffset == 0 ? (uint)value : (uint)(value >> 32);
}
