using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

[Trait("Category", "Unit")]
public sealed class ArgConditionTests
{
    [Theory]
    [InlineData(ArgOp.Eq, 5ul, 0ul, 5ul, true)]
    [InlineData(ArgOp.Eq, 5ul, 0ul, 0x100000005ul, false)]
    [InlineData(ArgOp.Ne, 5ul, 0ul, 0x100000005ul, true)]
    [InlineData(ArgOp.Lt, 0x100000000ul, 0ul, 0xFFFFFFFFul, true)]
    [InlineData(ArgOp.Lt, 0ul, 0ul, 0ul, false)]
    [InlineData(ArgOp.Le, ulong.MaxValue, 0ul, ulong.MaxValue, true)]
    [InlineData(ArgOp.Gt, 0xFFFFFFFFul, 0ul, 0x100000000ul, true)]
    [InlineData(ArgOp.Ge, 1ul, 0ul, 0ul, false)]
    [InlineData(ArgOp.MaskedEq, 0ul, 0x7E020000ul, 0x11ul, true)]
    [InlineData(ArgOp.MaskedEq, 0ul, 0x7E020000ul, 0x10000000ul, false)]
    [InlineData(ArgOp.MaskedEq, 0x1_0000_0000ul, 0xF_0000_0000ul, 0x1_0000_FFFFul, true)]
    public void Holds_IsUnsigned64Bit(ArgOp op, ulong value, ulong mask, ulong arg, bool expected) =>
        Assert.Equal(expected, new ArgCondition(0, op, value, mask).Holds(arg));
}
