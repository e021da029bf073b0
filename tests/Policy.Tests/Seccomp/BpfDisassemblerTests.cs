using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

[Trait("Category", "Unit")]
public sealed class BpfDisassemblerTests
{
    [Fact]
    public void Disassemble_EveryInstructionKind()
    {
        var p = new SeccompProgram(
        [
            new SockFilter(0x20, 0, 0, 4),            // ld [4]
            new SockFilter(0x15, 1, 0, 0xC000003E),   // jeq
            new SockFilter(0x06, 0, 0, 0x80000000),   // ret kill
            new SockFilter(0x20, 0, 0, 28),           // ld args[1] high
            new SockFilter(0x54, 0, 0, 0xff),         // and
            new SockFilter(0x84, 0, 0, 0),            // neg
            new SockFilter(0x02, 0, 0, 3),            // st M[3]
            new SockFilter(0x61, 0, 0, 3),            // ldx M[3]
            new SockFilter(0x07, 0, 0, 0),            // tax
            new SockFilter(0x87, 0, 0, 0),            // txa
            new SockFilter(0x2d, 0, 0, 0),            // jgt x
            new SockFilter(0x05, 0, 0, 1),            // ja
            new SockFilter(0x30, 0, 0, 0),            // ld b abs: not seccomp
            new SockFilter(0x06, 0, 0, 0x00050001),   // ret errno
            new SockFilter(0x16, 0, 0, 0),            // ret a
        ]);
        const string expected = """
            0000: ld   [4]  ; arch
            0001: jeq  #0xc000003e  jt 0003 jf 0002
            0002: ret  #0x80000000  ; KILL_PROCESS
            0003: ld   [28]  ; args[1] (high)
            0004: and  #0xff
            0005: neg
            0006: st   M[3]
            0007: ldx  M[3]
            0008: tax
            0009: txa
            0010: jgt  x            jt 0011 jf 0011
            0011: ja   0013
            0012: .word 0x0030 0 0 0x00000000  ; load not allowed in seccomp
            0013: ret  #0x50001  ; ERRNO(1)
            0014: ret  a

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), BpfDisassembler.Disassemble(p));
    }
}
