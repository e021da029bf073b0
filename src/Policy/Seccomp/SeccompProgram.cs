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

    public bool ContentEquals(SeccompProgram other) => Instructions.AsSpan().SequenceEqual(other.Instructions.AsSpan());
}
