using System.Buffers.Binary;
using System.Collections.Immutable;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// A seccomp cBPF program. Records compare by reference on <see cref="Instructions"/>; use
/// <see cref="ToBytes"/> or <see cref="ContentEquals"/> to compare contents.
/// </summary>
public sealed record SeccompProgram(ImmutableArray<SockFilter> Instructions)
{
    /// <summary>The program as the kernel takes it: 8-byte little-endian <c>struct sock_filter</c> records.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Instructions.Length * 8];
        for (var i = 0; i < Instructions.Length; i++)
        {
            var insn = Instructions[i];
            var span = bytes.AsSpan(i * 8, 8);
            BinaryPrimitives.WriteUInt16LittleEndian(span, insn.Code);
            span[2] = insn.Jt;
            span[3] = insn.Jf;
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], insn.K);
        }
        return bytes;
    }

    /// <summary>
    /// The inverse of <see cref="ToBytes"/>. A length that is not a multiple of 8 is refused: a truncated filter
    /// must never be mistaken for a shorter valid one.
    /// </summary>
    public static SeccompProgram FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 8 != 0)
        {
            throw new ArgumentException($"a seccomp program is a whole number of 8-byte instructions, not {bytes.Length} bytes", nameof(bytes));
        }

        var ins = ImmutableArray.CreateBuilder<SockFilter>(bytes.Length / 8);
        for (var i = 0; i < bytes.Length; i += 8)
        {
            var b = bytes.Slice(i, 8);
            ins.Add(new SockFilter(BinaryPrimitives.ReadUInt16LittleEndian(b), b[2], b[3], BinaryPrimitives.ReadUInt32LittleEndian(b[4..])));
        }

        return new SeccompProgram(ins.MoveToImmutable());
    }

    public bool ContentEquals(SeccompProgram other) => Instructions.AsSpan().SequenceEqual(other.Instructions.AsSpan());
}
