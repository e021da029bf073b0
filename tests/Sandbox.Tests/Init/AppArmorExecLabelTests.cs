using Hctr.Sandbox.Init;

namespace Hctr.Sandbox.Tests.Init;

/// <summary>The init stage's exec-label write, aimed at plain files standing in for /proc/self/attr (no AppArmor on this host).</summary>
[Trait("Category", "Unit")]
public sealed class AppArmorExecLabelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-attr-").FullName;

    private string Attr => Path.Combine(_dir, "apparmor", "exec");

    private string Legacy => Path.Combine(_dir, "exec");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Writes_exec_and_the_name_to_the_apparmor_attr_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Attr)!);
        File.WriteAllText(Attr, "");
        File.WriteAllText(Legacy, "");
        AppArmorExecLabel.Write("hctr-web-strict", Attr, Legacy);
        Assert.Equal("exec hctr-web-strict", File.ReadAllText(Attr));
        Assert.Equal("", File.ReadAllText(Legacy));
    }

    [Fact]
    public void Falls_back_to_the_shared_attr_file_on_kernels_without_the_apparmor_directory()
    {
        File.WriteAllText(Legacy, "");
        AppArmorExecLabel.Write("hctr-default", Attr, Legacy);
        Assert.Equal("exec hctr-default", File.ReadAllText(Legacy));
    }

    [Fact]
    public void Neither_file_fails_closed_naming_the_path()
    {
        var e = Assert.Throws<SyscallException>(() => AppArmorExecLabel.Write("hctr-default", Attr, Legacy));
        Assert.Equal("open", e.Operation);
        Assert.Equal(Legacy, e.Path);
        Assert.Equal("ENOENT", e.ErrnoName);
        Assert.False(File.Exists(Legacy)); // never created
    }

    [Fact]
    public void A_symlink_in_place_of_the_attr_file_is_not_followed()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Attr)!);
        string elsewhere = Path.Combine(_dir, "elsewhere");
        File.WriteAllText(elsewhere, "");
        File.CreateSymbolicLink(Attr, elsewhere);
        var e = Assert.Throws<SyscallException>(() => AppArmorExecLabel.Write("hctr-default", Attr, Legacy));
        Assert.Equal("ELOOP", e.ErrnoName);
        Assert.Equal("", File.ReadAllText(elsewhere));
    }
}
