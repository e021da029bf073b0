using System.Buffers.Binary;

namespace Hctr.Sandbox.Tests;

/// <summary>Hand-assembled cBPF for tests: x86_64 arch check, then ERRNO(errno) for the listed syscalls, else allow.</summary>
internal static class TestBpf
{
    private const ushort LdWAbs = 0x20, JeqK = 0x15, RetK = 0x06;
    private const uint AuditArchX8664 = 0xc000003e, RetKillProcess = 0x80000000, RetErrno = 0x00050000, RetAllow = 0x7fff0000;

    public static string DenyWithErrno(int errno, params int[] syscalls)
    {
        var insns = new List<(ushort Code, byte Jt, byte Jf, uint K)>
        {
            (LdWAbs, 0, 0, 4),
            (JeqK, 1, 0, AuditArchX8664),
            (RetK, 0, 0, RetKillProcess),
            (LdWAbs, 0, 0, 0),
        };
        foreach (int nr in syscalls)
        {
            insns.Add((JeqK, 0, 1, (uint)nr));
            insns.Add((RetK, 0, 0, RetErrno | (uint)errno));
        }

        insns.Add((RetK, 0, 0, RetAllow));
        byte[] bytes = new byte[insns.Count * 8];
        for (int i = 0; i < insns.Count; i++)
        {
            var span = bytes.AsSpan(i * 8);
            BinaryPrimitives.WriteUInt16LittleEndian(span, insns[i].Code);
            span[2] = insns[i].Jt;
            span[3] = insns[i].Jf;
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], insns[i].K);
        }

        return Convert.ToBase64String(bytes);
    }
}
