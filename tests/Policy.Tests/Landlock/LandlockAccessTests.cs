using Hctr.Policy.Landlock;
using Xunit;

namespace Hctr.Policy.Tests.Landlock;

[Trait("Category", "Unit")]
public class LandlockAccessTests
{
    [Theory]
    [InlineData(0, 0x0000UL)]
    [InlineData(1, 0x1FFFUL)]
    [InlineData(2, 0x3FFFUL)]
    [InlineData(3, 0x7FFFUL)]
    [InlineData(4, 0x7FFFUL)]
    [InlineData(5, 0xFFFFUL)]
    [InlineData(6, 0xFFFFUL)]
    [InlineData(7, 0xFFFFUL)]
    [InlineData(99, 0xFFFFUL)]
    public void Handled_fs_rights_per_abi(int abi, ulong expected) => Assert.Equal(expected, LandlockAccess.HandledFs(abi));

    [Fact]
    public void Abi1_has_thirteen_rights()
    {
        Assert.Equal(13UL, ulong.PopCount(LandlockAccess.HandledFs(1)));
    }

    [Fact]
    public void Net_scopes_and_log_flags_by_abi()
    {
        Assert.Equal(0UL, LandlockAccess.HandledNet(3));
        Assert.Equal(3UL, LandlockAccess.HandledNet(4));
        Assert.Equal(0UL, LandlockAccess.Scopes(5));
        Assert.Equal(3UL, LandlockAccess.Scopes(6));
        Assert.Equal(0U, LandlockAccess.RestrictSelfFlags(6));
        Assert.Equal(2U, LandlockAccess.RestrictSelfFlags(7));
    }

    [Fact]
    public void Access_maps_to_rights()
    {
        var all = LandlockAccess.HandledFs(7);
        Assert.Equal(4UL | 8, LandlockAccess.ForAccess(Model.FileAccess.Read, all));
        Assert.Equal(1UL, LandlockAccess.ForAccess(Model.FileAccess.Execute, all));
        Assert.Equal(0xFFF2UL, LandlockAccess.ForAccess(Model.FileAccess.Write, all));
        Assert.Equal(0x1FF2UL, LandlockAccess.ForAccess(Model.FileAccess.Write, LandlockAccess.HandledFs(1)));
    }

    [Fact]
    public void File_rights_are_the_non_directory_ones()
    {
        Assert.Equal(1UL | 2 | 4 | 16384 | 32768, LandlockAccess.FsFileRights);
    }
}
