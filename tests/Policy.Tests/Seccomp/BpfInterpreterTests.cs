using System.Collections.Immutable;
using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

[Trait("Category", "Unit")]
public sealed class BpfInterpreterTests
{
    // Opcodes spelled out, as in <linux/filter.h>, so the tests do not trust the compiler's constants.
    private const ushort LdWAbs = 0x20, LdImm = 0x00, LdMem = 0x60, LdLen = 0x80, LdxImm = 0x01, LdxMem = 0x61, LdxLen = 0x81;
    private const ushort St = 0x02, Stx = 0x03, Tax = 0x07, Txa = 0x87, RetK = 0x06, RetA = 0x16, Ja = 0x05;
    private const ushort JeqK = 0x15, JgtK = 0x25, JgeK = 0x35, JsetK = 0x45, JeqX = 0x1d, JgtX = 0x2d;
    private const ushort AddK = 0x04, SubK = 0x14, MulK = 0x24, DivK = 0x34, OrK = 0x44, AndK = 0x54, LshK = 0x64, RshK = 0x74;
    private const ushort Neg = 0x84, ModK = 0x94, XorK = 0xa4, DivX = 0x3c, ModX = 0x9c, AddX = 0x0c;

    private static SeccompProgram P(params SockFilter[] code) => new([.. code]);
    private static SockFilter S(ushort code, uint k = 0) => new(code, 0, 0, k);
    private static SockFilter J(ushort code, uint k, byte jt, byte jf) => new(code, jt, jf, k);

    private static uint Run(SeccompProgram p, SeccompData? data = null) =>
        BpfInterpreter.Run(p, data ?? new SeccompData(1, 2), out _);

    [Fact]
    public void LoadsEverySeccompDataWord()
    {
        var data = new SeccompData(-2, 0xC000003E, 0x1122334455667788, 0xA0A1A2A3_B0B1B2B3, 1, 2, 3, 4, 0xFFFFFFFF_00000005);
        uint Word(uint offset) => Run(P(S(LdWAbs, offset), S(RetA)), data);
        Assert.Equal(0xFFFFFFFEu, Word(0));
        Assert.Equal(0xC000003Eu, Word(4));
        Assert.Equal(0x55667788u, Word(8));
        Assert.Equal(0x11223344u, Word(12));
        Assert.Equal(0xB0B1B2B3u, Word(16));
        Assert.Equal(0xA0A1A2A3u, Word(20));
        Assert.Equal(4u, Word(16 + 8 * 4));
        Assert.Equal(5u, Word(16 + 8 * 5));
        Assert.Equal(0xFFFFFFFFu, Word(16 + 8 * 5 + 4));
    }

    [Theory]
    [InlineData(2u)]   // unaligned
    [InlineData(64u)]  // past seccomp_data
    [InlineData(0x1000u)]
    public void BadLoad_Throws(uint offset) =>
        Assert.Throws<InvalidProgramException>(() => Run(P(S(LdWAbs, offset), S(RetA))));

    [Theory]
    [InlineData((ushort)0x28)] // ld h abs
    [InlineData((ushort)0x30)] // ld b abs
    [InlineData((ushort)0x40)] // ld w ind
    [InlineData((ushort)0xb1)] // ldx b msh
    [InlineData((ushort)0x0e)] // ret x (not a seccomp ret)
    public void OpcodesSeccompRefuses_Throw(ushort code) =>
        Assert.Throws<InvalidProgramException>(() => Run(P(S(code, 0), S(RetK, 1))));

    [Theory]
    [InlineData(AddK, 10u, 3u, 13u)]
    [InlineData(SubK, 10u, 3u, 7u)]
    [InlineData(SubK, 3u, 10u, 0xFFFFFFF9u)]
    [InlineData(MulK, 0x10000u, 0x10000u, 0u)]
    [InlineData(DivK, 10u, 3u, 3u)]
    [InlineData(ModK, 10u, 3u, 1u)]
    [InlineData(OrK, 0xF0u, 0x0Fu, 0xFFu)]
    [InlineData(AndK, 0xF0u, 0x3Cu, 0x30u)]
    [InlineData(XorK, 0xFFu, 0x0Fu, 0xF0u)]
    [InlineData(LshK, 1u, 31u, 0x80000000u)]
    [InlineData(RshK, 0x80000000u, 31u, 1u)]
    public void AluWithConstant(ushort op, uint a, uint k, uint expected) =>
        Assert.Equal(expected, Run(P(S(LdImm, a), S(op, k), S(RetA))));

    [Fact]
    public void NegTaxTxaAndAluWithX()
    {
        Assert.Equal(0xFFFFFFFBu, Run(P(S(LdImm, 5), S(Neg), S(RetA))));
        Assert.Equal(12u, Run(P(S(LdImm, 5), S(Tax), S(LdImm, 7), S(AddX), S(RetA))));
        Assert.Equal(9u, Run(P(S(LdxImm, 9), S(Txa), S(RetA))));
        Assert.Equal(64u, Run(P(S(LdLen), S(RetA))));
        Assert.Equal(64u, Run(P(S(LdxLen), S(Txa), S(RetA))));
    }

    [Fact]
    public void DivisionByZeroX_ReturnsZero_ByConstantZero_Throws()
    {
        Assert.Equal(0u, Run(P(S(LdImm, 5), S(LdxImm, 0), S(DivX), S(RetK, 7))));
        Assert.Equal(0u, Run(P(S(LdImm, 5), S(LdxImm, 0), S(ModX), S(RetK, 7))));
        Assert.Throws<InvalidProgramException>(() => Run(P(S(LdImm, 5), S(DivK, 0), S(RetA))));
        Assert.Throws<InvalidProgramException>(() => Run(P(S(LdImm, 5), S(LshK, 32), S(RetA))));
    }

    [Fact]
    public void ScratchMemory()
    {
        Assert.Equal(42u, Run(P(S(LdImm, 42), S(St, 15), S(LdImm, 0), S(LdMem, 15), S(RetA))));
        Assert.Equal(43u, Run(P(S(LdxImm, 43), S(Stx, 3), S(LdxMem, 3), S(Txa), S(RetA))));
        Assert.Throws<InvalidProgramException>(() => Run(P(S(LdImm, 1), S(St, 16), S(RetA))));
    }

    [Theory]
    [InlineData(JeqK, 5u, 5u, 100u)]
    [InlineData(JeqK, 5u, 6u, 200u)]
    [InlineData(JgtK, 6u, 5u, 100u)]
    [InlineData(JgtK, 5u, 5u, 200u)]
    [InlineData(JgeK, 5u, 5u, 100u)]
    [InlineData(JgeK, 4u, 5u, 200u)]
    [InlineData(JsetK, 6u, 2u, 100u)]
    [InlineData(JsetK, 6u, 1u, 200u)]
    [InlineData(JeqK, 0xFFFFFFFFu, 0xFFFFFFFFu, 100u)]
    [InlineData(JgtK, 0x80000000u, 1u, 100u)] // unsigned
    public void ConditionalJumps(ushort op, uint a, uint k, uint expected) =>
        Assert.Equal(expected, Run(P(S(LdImm, a), J(op, k, 1, 0), S(RetK, 200), S(RetK, 100))));

    [Fact]
    public void JumpsWithX_AndJa_AndCountsInstructions()
    {
        var p = P(S(LdImm, 7), S(LdxImm, 7), J(JeqX, 0, 0, 2), S(Ja, 1), S(RetK, 1), J(JgtX, 0, 0, 0), S(RetK, 2));
        Assert.Equal(2u, BpfInterpreter.Run(p, new SeccompData(0, 0), out var executed));
        Assert.Equal(6, executed); // ld, ldx, jeq, ja, jgt, ret
    }

    [Fact]
    public void JumpOutOfProgram_Throws()
    {
        Assert.Throws<InvalidProgramException>(() => Run(P(S(LdImm, 1), J(JeqK, 1, 5, 0), S(RetK, 0))));
        Assert.Throws<InvalidProgramException>(() => Run(P(S(Ja, 3), S(RetK, 0))));
        Assert.Throws<InvalidProgramException>(() => Run(P(S(LdImm, 1))));  // falls off the end
        Assert.Throws<InvalidProgramException>(() => Run(new SeccompProgram(ImmutableArray<SockFilter>.Empty)));
    }

    [Fact]
    public void ProgramOver4096Instructions_Throws()
    {
        var code = Enumerable.Repeat(S(LdImm, 0), 4096).Append(S(RetK, 0)).ToArray();
        Assert.Throws<InvalidProgramException>(() => Run(P(code)));
    }

    [Fact]
    public void LoadedWords_AreReported()
    {
        var p = P(S(LdWAbs, 4), S(LdWAbs, 0), S(LdWAbs, 20), S(RetK, 0));
        BpfInterpreter.Run(p, new SeccompData(0, 0), out _, out var loaded);
        Assert.Equal((ushort)0b10_0011, loaded);
    }
}
