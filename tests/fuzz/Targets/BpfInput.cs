using System.Buffers.Binary;
using Hctr.Policy.Seccomp;

namespace Hctr.Fuzz.Targets;

/// <summary>
/// The BPF target's input format: 64 bytes of <c>struct seccomp_data</c> (little-endian; shorter inputs
/// are zero-padded) followed by 8-byte <c>struct sock_filter</c> records (a trailing partial record is ignored).
/// </summary>
internal static class BpfInput
{
    public const int DataSize = 64;

    public static SeccompData Data(ReadOnlySpan<byte> input)
    {
        Span<byte> d = stackalloc byte[DataSize];
        input[..Math.Min(DataSize, input.Length)].CopyTo(d);
        return new SeccompData(
            BinaryPrimitives.ReadInt32LittleEndian(d),
            BinaryPrimitives.ReadUInt32LittleEndian(d[4..]),
            BinaryPrimitives.ReadUInt64LittleEndian(d[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(d[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(d[24..]),
            BinaryPrimitives.ReadUInt64LittleEndian(d[32..]),
            BinaryPrimitives.ReadUInt64LittleEndian(d[40..]),
            BinaryPrimitives.ReadUInt64LittleEndian(d[48..]),
            BinaryPrimitives.ReadUInt64LittleEndian(d[56..]));
    }

    public static SeccompProgram Program(ReadOnlySpan<byte> code)
    {
        var ins = new SockFilter[code.Length / 8];
        for (var i = 0; i < ins.Length; i++)
        {
            var r = code.Slice(i * 8, 8);
            ins[i] = new SockFilter(BinaryPrimitives.ReadUInt16LittleEndian(r), r[2], r[3], BinaryPrimitives.ReadUInt32LittleEndian(r[4..]));
        }

        return new SeccompProgram([.. ins]);
    }

    public static byte[] Encode(SeccompData data, IEnumerable<SockFilter> program)
    {
        var list = program.ToList();
        var bytes = new byte[DataSize + (list.Count * 8)];
        var d = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(d, data.Nr);
        BinaryPrimitives.WriteUInt32LittleEndian(d[4..], data.Arch);
        BinaryPrimitives.WriteUInt64LittleEndian(d[8..], data.InstructionPointer);
        for (var a = 0; a < 6; a++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(d[(16 + (a * 8))..], data.GetArg(a));
        }

        for (var i = 0; i < list.Count; i++)
        {
            var r = d.Slice(DataSize + (i * 8), 8);
            BinaryPrimitives.WriteUInt16LittleEndian(r, list[i].Code);
            r[2] = list[i].Jt;
            r[3] = list[i].Jf;
            BinaryPrimitives.WriteUInt32LittleEndian(r[4..], list[i].K);
        }

        return bytes;
    }
}
