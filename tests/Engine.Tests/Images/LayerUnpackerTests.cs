using System.Text;
using Hctr.Engine.Images.Unpack;
using Hctr.Sandbox.Fs;
using Xunit;

namespace Hctr.Engine.Tests.Images;

/// <summary>The malicious-layer corpus: each entry is refused or neutralised, and nothing outside the target changes.</summary>
[Trait("Category", "Unit")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LayerUnpackerTests : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("hctr-unpack-").FullName;
    private readonly string _target;
    private readonly string _outside;

    public LayerUnpackerTests()
    {
        _target = Directory.CreateDirectory(Path.Combine(_base, "target")).FullName;
        _outside = Directory.CreateDirectory(Path.Combine(_base, "outside")).FullName;
        System.IO.File.WriteAllText(Path.Combine(_outside, "sentinel"), "host");
    }

    public void Dispose() => Directory.Delete(_base, recursive: true);

    private UnpackResult Unpack(byte[] layer, UnpackOptions? options = null)
    {
        using var fs = RootedFs.Open(_target);
        return LayerUnpacker.Unpack(new MemoryStream(layer), fs, options ?? new UnpackOptions());
    }

    private void AssertOutsideUntouched()
    {
        Assert.Equal(["sentinel"], Directory.GetFileSystemEntries(_outside).Select(Path.GetFileName));
        Assert.Equal("host", System.IO.File.ReadAllText(Path.Combine(_outside, "sentinel")));
        Assert.Equal(["outside", "target"], Directory.GetFileSystemEntries(_base).Select(Path.GetFileName).Order());
    }

    private string Read(string rel) => System.IO.File.ReadAllText(Path.Combine(_target, rel));

    [Fact]
    public void Plain_gzip_layer_unpacks_files_dirs_and_links()
    {
        var r = Unpack(new LayerBuilder().Dir("./").Dir("etc").File("etc/hostname", "box").Symlink("etc/abs", "/etc/hostname")
            .HardLink("etc/hard", "etc/hostname").File("bin/sh", "#!", (UnixFileMode)0x1ED).TarGz());
        Assert.Equal("box", Read("etc/hostname"));
        Assert.Equal("box", Read("etc/hard"));
        Assert.Equal("/etc/hostname", new FileInfo(Path.Combine(_target, "etc/abs")).LinkTarget);
        Assert.Empty(r.Warnings);
    }

    [Theory]
    [InlineData("../outside/evil")]
    [InlineData("a/../../outside/evil")]
    public void Dot_dot_is_refused(string name)
    {
        var e = Assert.Throws<UnpackException>(() => Unpack(new LayerBuilder().File(name, "x").Tar()));
        Assert.Equal(UnpackFailureReason.PathTraversal, e.Reason);
        AssertOutsideUntouched();
    }

    [Fact]
    public void Absolute_names_land_inside_the_target()
    {
        Unpack(new LayerBuilder().File(_outside + "/abs", "in").Tar());
        Assert.Equal("in", Read(_outside.TrimStart('/') + "/abs"));
        AssertOutsideUntouched();
    }

    [Fact]
    public void Absolute_symlink_then_write_through_it_stays_inside()
    {
        // The link points at the real host directory; the write through it must resolve inside the target.
        var e = Record.Exception(() => Unpack(new LayerBuilder().Symlink("escape", _outside).File("escape/sentinel", "pwned").Tar()));
        Assert.True(e is null or UnpackException { Reason: UnpackFailureReason.FileSystem }, e?.Message);
        AssertOutsideUntouched();
        // And with a link to "/", writes go to the target's own root.
        Unpack(new LayerBuilder().Symlink("root", "/").File("root/etc/x", "inside").Tar());
        Assert.Equal("inside", Read("etc/x"));
    }

    [Fact]
    public void Relative_symlink_climbing_out_stays_inside()
    {
        Unpack(new LayerBuilder().Symlink("up", "../../../../../../..").File("up/planted", "x").Tar());
        Assert.Equal("x", Read("planted"));
        AssertOutsideUntouched();
    }

    [Fact]
    public void Hardlink_to_etc_shadow_is_refused()
    {
        var e = Assert.Throws<UnpackException>(() => Unpack(new LayerBuilder().HardLink("shadow", "/etc/shadow").Tar()));
        Assert.Equal(UnpackFailureReason.HardLinkOutside, e.Reason);
        Assert.False(System.IO.File.Exists(Path.Combine(_target, "shadow")));
    }

    [Fact]
    public void Hardlink_through_symlink_to_outside_is_refused()
    {
        var e = Assert.Throws<UnpackException>(() =>
            Unpack(new LayerBuilder().Symlink("o", _outside).HardLink("h", "o/sentinel").Tar()));
        Assert.Contains(e.Reason, new[] { UnpackFailureReason.HardLinkOutside, UnpackFailureReason.FileSystem });
        AssertOutsideUntouched();
    }

    [Theory]
    [InlineData(".wh..")]
    [InlineData(".wh...")]
    [InlineData("a/.wh...")]
    public void Whiteout_of_dot_or_dot_dot_is_refused(string name)
    {
        var e = Assert.Throws<UnpackException>(() => Unpack(new LayerBuilder().Dir("a").File(name, "").Tar(), new UnpackOptions { Whiteouts = WhiteoutMode.Apply }));
        Assert.Equal(UnpackFailureReason.InvalidWhiteout, e.Reason);
        AssertOutsideUntouched();
    }

    [Fact]
    public void Whiteouts_apply_or_become_overlay_markers()
    {
        Unpack(new LayerBuilder().File("keep", "k").File("gone", "g").File("d/old", "o").Tar(), new UnpackOptions { Whiteouts = WhiteoutMode.Apply });
        Unpack(new LayerBuilder().File(".wh.gone", "").File("d/new", "n").File("d/.wh..wh..opq", "").Tar(), new UnpackOptions { Whiteouts = WhiteoutMode.Apply });
        Assert.False(System.IO.File.Exists(Path.Combine(_target, "gone")));
        Assert.Equal(["new"], Directory.GetFileSystemEntries(Path.Combine(_target, "d")).Select(Path.GetFileName));
        Assert.Equal("k", Read("keep"));

        string layer = Directory.CreateDirectory(Path.Combine(_target, "overlay")).FullName;
        using var fs = RootedFs.Open(layer);
        LayerUnpacker.Unpack(new MemoryStream(new LayerBuilder().File(".wh.gone", "").Tar()), fs, new UnpackOptions());
        Assert.Equal(FsEntryKind.Other, fs.GetKind("gone")); // a 0/0 character device
    }

    [Fact]
    public void Device_nodes_are_skipped_unless_allowed()
    {
        var r = Unpack(new LayerBuilder().CharDevice("dev/mem", 1, 1).Tar());
        Assert.False(Path.Exists(Path.Combine(_target, "dev/mem")));
        Assert.Contains(r.Warnings, w => w.Contains("device node skipped"));
        if (Environment.UserName == "root")
        {
            Unpack(new LayerBuilder().CharDevice("dev/null2", 1, 3).Tar(), new UnpackOptions { AllowDevices = true });
            Assert.True(Path.Exists(Path.Combine(_target, "dev/null2")));
        }
    }

    [Fact]
    public void Setuid_bits_are_cleared_unless_allowed()
    {
        var r = Unpack(new LayerBuilder().File("su", "x", (UnixFileMode)0xDED).Tar());
        Assert.Equal((UnixFileMode)0x1ED, System.IO.File.GetUnixFileMode(Path.Combine(_target, "su")));
        Assert.Contains(r.Warnings, w => w.Contains("setuid"));
        Unpack(new LayerBuilder().File("su2", "x", (UnixFileMode)0x9ED).Tar(), new UnpackOptions { AllowSetuid = true });
        Assert.Equal((UnixFileMode)0x9ED, System.IO.File.GetUnixFileMode(Path.Combine(_target, "su2")));
    }

    [Fact]
    public void Ten_gigabyte_file_hits_the_size_cap_before_writing()
    {
        var started = DateTime.UtcNow;
        var e = Assert.Throws<UnpackException>(() => Unpack(LayerBuilder.Gzip(LayerBuilder.HugeFileHeader("sparse", 10L << 30)),
            new UnpackOptions { MaxUncompressedBytes = 1L << 30 }));
        Assert.Equal(UnpackFailureReason.TooLarge, e.Reason);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.False(System.IO.File.Exists(Path.Combine(_target, "sparse")));
    }

    [Fact]
    public void Gzip_bomb_is_refused_by_ratio()
    {
        byte[] bomb = LayerBuilder.Gzip(new LayerBuilder().File("zeros", new byte[96 << 20]).Tar(), System.IO.Compression.CompressionLevel.SmallestSize);
        Assert.True(bomb.Length < 200_000, $"bomb is {bomb.Length} bytes");
        var e = Assert.Throws<UnpackException>(() => Unpack(bomb));
        Assert.Equal(UnpackFailureReason.CompressionRatio, e.Reason);
    }

    [Fact]
    public void Entry_count_limit()
    {
        var b = new LayerBuilder();
        for (int i = 0; i < 20; i++) b.File($"f{i}", "");
        var e = Assert.Throws<UnpackException>(() => Unpack(b.Tar(), new UnpackOptions { MaxEntries = 10 }));
        Assert.Equal(UnpackFailureReason.TooManyEntries, e.Reason);
    }

    [Fact]
    public void Duplicate_entries_last_wins()
    {
        Unpack(new LayerBuilder().File("a", "one").File("a", "two").File("d", "file").Dir("d").File("d/x", "in-dir")
            .Dir("e").File("e/y", "y").File("e", "now-a-file").Symlink("l", "/nowhere").File("l", "replaced-link").Tar());
        Assert.Equal("two", Read("a"));
        Assert.Equal("in-dir", Read("d/x"));
        Assert.Equal("now-a-file", Read("e"));
        Assert.Null(new FileInfo(Path.Combine(_target, "l")).LinkTarget);
        Assert.Equal("replaced-link", Read("l"));
    }

    [Fact]
    public void Long_names_work_and_overlong_ones_are_refused()
    {
        string deep = string.Join('/', Enumerable.Repeat(new string('d', 200), 8)) + "/file";
        Unpack(new LayerBuilder().File(deep, "deep").Tar());
        Assert.Equal("deep", Read(deep));
        var e = Assert.Throws<UnpackException>(() => Unpack(new LayerBuilder().File(new string('n', 300), "x").Tar()));
        Assert.Equal(UnpackFailureReason.NameTooLong, e.Reason);
    }

    [Fact]
    public void Zstd_layer_unpacks_and_its_diff_id_is_the_uncompressed_tar()
    {
        byte[] tar = new LayerBuilder().Dir("etc").File("etc/hello", "from zstd").Tar();
        var result = Unpack(LayerBuilder.Zstd(tar));
        Assert.Equal("from zstd", Read("etc/hello"));
        Assert.Equal(Hctr.Engine.Images.Registry.Digests.Of(tar), result.DiffId);
        AssertOutsideUntouched();
    }

    [Fact]
    public void Zstd_bomb_is_refused_by_the_same_ratio_limit_as_gzip()
    {
        byte[] bomb = LayerBuilder.Zstd(new LayerBuilder().File("zeros", new byte[96 << 20]).Tar(), 19);
        Assert.True(bomb.Length < 200_000, $"bomb is {bomb.Length} bytes");
        var e = Assert.Throws<UnpackException>(() => Unpack(bomb));
        Assert.Equal(UnpackFailureReason.CompressionRatio, e.Reason);
        var capped = Assert.Throws<UnpackException>(() => Unpack(bomb, new UnpackOptions { MaxUncompressedBytes = 1 << 20 }));
        Assert.Equal(UnpackFailureReason.TooLarge, capped.Reason);
    }

    [Fact]
    public void Corrupt_zstd_is_refused_as_corrupt()
    {
        var e = Assert.Throws<UnpackException>(() => Unpack([0x28, 0xb5, 0x2f, 0xfd, 0xff, 0xff, 0xff, 0xff, 1, 2, 3]));
        Assert.Equal(UnpackFailureReason.Corrupt, e.Reason);
    }

    [Fact]
    public void User_xattrs_are_restored_and_other_namespaces_dropped_with_a_count()
    {
        string cap = "\u0001\u0000\u0000\u0002"; // not a real capability set: it must never be written unless allowed
        var layer = new LayerBuilder()
            .FileWithXattrs("a", "x", new Dictionary<string, string> { ["user.note"] = "kept", ["trusted.overlay.opaque"] = "y" })
            .FileWithXattrs("b", "y", new Dictionary<string, string> { ["security.capability"] = System.Text.RegularExpressions.Regex.Unescape(cap), ["user.other"] = "also" })
            .Tar();
        var result = Unpack(layer);
        Assert.Equal("kept"u8.ToArray(), GetXattr(Path.Combine(_target, "a"), "user.note"));
        Assert.Equal("also"u8.ToArray(), GetXattr(Path.Combine(_target, "b"), "user.other"));
        Assert.Null(GetXattr(Path.Combine(_target, "a"), "trusted.overlay.opaque"));
        Assert.Null(GetXattr(Path.Combine(_target, "b"), "security.capability"));
        Assert.Contains("dropped 1 extended attribute(s) security.capability (file capabilities not allowed)", result.Warnings);
        Assert.Contains("dropped 1 extended attribute(s) trusted.*", result.Warnings);
    }

    [Fact]
    public void Ownership_is_shifted_into_the_owner_map()
    {
        var map = new OwnerMap([new(0, 2_000_000, 65536)], [new(0, 2_100_000, 65536)]);
        Unpack(new LayerBuilder().File("f", "x").Tar(), new UnpackOptions { Owners = map });
        Assert.Equal("2000000 2100000", Tool("stat", "-c", "%u %g", Path.Combine(_target, "f")).Trim());
        Assert.Equal(65534u, map.MapUid(70_000));
    }

    /// <summary>The xattr's value as python's os.getxattr (lgetxattr) reads it, or null when the file has none.</summary>
    private static byte[]? GetXattr(string path, string name)
    {
        string? hex = TryTool("python3", "-c", "import os,sys\ntry: sys.stdout.write(os.getxattr(sys.argv[1], sys.argv[2]).hex())\nexcept OSError: sys.exit(3)", path, name);
        return hex is null ? null : Convert.FromHexString(hex);
    }

    private static string Tool(string file, params string[] args) => TryTool(file, args) ?? throw new InvalidOperationException($"{file} failed");

    private static string? TryTool(string file, params string[] args)
    {
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(file, args) { RedirectStandardOutput = true })!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? output : null;
    }
}
