using Hctr.Policy.Diagnostics;
using Hctr.Policy.Plan;
using Hctr.Sandbox.Fs;
using Xunit;

namespace Hctr.Sandbox.Tests.Fs;

/// <summary>The image rootfs mounts on the real kernel: idmapped overlay lower layers, writes in the upper dir,
/// and an unmount found through /proc/self/mountinfo (paths with spaces included).</summary>
[Trait("Category", "Kernel")]
public sealed class RootfsMountsTests : IDisposable
{
    private const uint Base = 3_000_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr rootfs mounts ").FullName; // a space: mountinfo escapes it

    public void Dispose()
    {
        RootfsMounts.UnmountUnder(_dir);
        Directory.Delete(_dir, recursive: true);
    }

    private string Sub(string name) => Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;

    private static IdMapPlan Maps(uint size = 65536) =>
        new([new IdMapEntry(0, Base, size)], [new IdMapEntry(0, Base, size)], DenySetgroups: true, SourceLocation.None);

    private static string Owner(string path)
    {
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%u:%g", path]) { RedirectStandardOutput = true })!;
        string s = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return s;
    }

    [Fact]
    public void Idmapped_lower_layers_show_image_root_as_the_container_root_and_writes_go_up()
    {
        string lower = Sub("lower"), top = Sub("top"), upper = Sub("upper"), work = Sub("work"), merged = Sub("merged");
        File.WriteAllText(Path.Combine(lower, "base"), "base");
        File.WriteAllText(Path.Combine(top, "base"), "top wins");
        File.WriteAllText(Path.Combine(lower, "owned1000"), "x");
        using (var p = System.Diagnostics.Process.Start("chown", ["1000:1000", Path.Combine(lower, "owned1000")])!) p.WaitForExit();

        RootfsMounts.MountOverlay([top, lower], upper, work, merged, Maps());
        Assert.Equal([merged], RootfsMounts.MountPointsUnder(_dir));
        Assert.Equal("top wins", File.ReadAllText(Path.Combine(merged, "base")));
        Assert.Equal($"{Base}:{Base}", Owner(Path.Combine(merged, "base")));
        Assert.Equal($"{Base + 1000}:{Base + 1000}", Owner(Path.Combine(merged, "owned1000")));
        Assert.Equal("0:0", Owner(Path.Combine(lower, "base"))); // the layer itself is never chowned

        File.WriteAllText(Path.Combine(merged, "new"), "written");
        Assert.Equal("written", File.ReadAllText(Path.Combine(upper, "new")));
        Assert.False(File.Exists(Path.Combine(lower, "new")));

        Assert.Equal(1, RootfsMounts.UnmountUnder(_dir));
        Assert.Empty(RootfsMounts.MountPointsUnder(_dir));
        Assert.False(File.Exists(Path.Combine(merged, "new")));
    }

    [Fact]
    public void Without_a_user_namespace_the_layers_are_used_as_they_are()
    {
        string lower = Sub("lower"), upper = Sub("upper"), work = Sub("work"), merged = Sub("merged");
        File.WriteAllText(Path.Combine(lower, "f"), "f");
        RootfsMounts.MountOverlay([lower], upper, work, merged, new IdMapPlan([], [], false, SourceLocation.None));
        Assert.Equal("0:0", Owner(Path.Combine(merged, "f")));
        Assert.Equal(1, RootfsMounts.UnmountUnder(merged));
    }
}
