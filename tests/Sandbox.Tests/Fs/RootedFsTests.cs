using Hctr.Sandbox.Fs;
using Xunit;

namespace Hctr.Sandbox.Tests.Fs;

/// <summary>RootedFs keeps every effect inside its root, whatever the path or an existing symlink says.</summary>
[Trait("Category", "Unit")]
public sealed class RootedFsTests : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("hctr-rootedfs-").FullName;
    private readonly string _root;
    private readonly string _outside;

    public RootedFsTests()
    {
        _root = Directory.CreateDirectory(Path.Combine(_base, "root")).FullName;
        _outside = Directory.CreateDirectory(Path.Combine(_base, "outside")).FullName;
    }

    public void Dispose() => Directory.Delete(_base, recursive: true);

    [Fact]
    public void Symlinked_parents_resolve_inside_the_root()
    {
        using var fs = RootedFs.Open(_root);
        fs.CreateSymlink("out", _outside);
        fs.CreateSymlink("up", "../../../..");
        Assert.Throws<RootedFsException>(() => fs.CreateFile("out/x", 0x1A4).Dispose());
        fs.CreateFile("up/y", 0x1A4).Dispose();
        Assert.Empty(Directory.GetFileSystemEntries(_outside));
        Assert.True(File.Exists(Path.Combine(_root, "y")));
        Assert.Equal(FsEntryKind.Symlink, fs.GetKind("out"));
    }

    [Fact]
    public void Existing_leaf_is_replaced_not_followed()
    {
        File.WriteAllText(Path.Combine(_outside, "victim"), "host");
        using var fs = RootedFs.Open(_root);
        fs.CreateSymlink("link", Path.Combine(_outside, "victim"));
        using (var h = fs.CreateFile("link", 0x1A4))
        using (var s = new FileStream(h, FileAccess.Write)) s.Write("inside"u8);
        Assert.Equal("host", File.ReadAllText(Path.Combine(_outside, "victim")));
        Assert.Equal(FsEntryKind.Regular, fs.GetKind("link"));
    }

    [Fact]
    public void Remove_and_clear_do_not_follow_symlinks()
    {
        File.WriteAllText(Path.Combine(_outside, "keep"), "host");
        using var fs = RootedFs.Open(_root);
        fs.CreateDirectory("d/e", 0x1ED);
        fs.CreateSymlink("d/e/out", _outside);
        fs.CreateFile("d/f", 0x1A4).Dispose();
        fs.ClearDirectory("d", keep: p => p == "d/f");
        Assert.Equal(["f"], Directory.GetFileSystemEntries(Path.Combine(_root, "d")).Select(Path.GetFileName));
        fs.Remove("d");
        Assert.Equal(FsEntryKind.None, fs.GetKind("d"));
        Assert.True(File.Exists(Path.Combine(_outside, "keep")));
        Assert.Throws<RootedFsException>(() => fs.Remove("/"));
    }
}
