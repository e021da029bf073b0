using Hctr.Policy.Host;

namespace Hctr.Sandbox.Tests;

public sealed class HostProbeTests
{
    [Theory]
    [Trait("Category", "Unit")]
    [InlineData("6.18.44-fc-v657", "6.18.44")]
    [InlineData("5.10.0-28-amd64", "5.10.0")]
    [InlineData("6.8", "6.8")]
    public void Kernel_release_parses(string release, string expected) =>
        Assert.Equal(Version.Parse(expected), HostProbe.KernelVersion(release));

    [Fact]
    [Trait("Category", "Kernel")]
    public void Probe_reports_this_host()
    {
        var facts = HostProbe.Probe();
        Assert.True(facts.Kernel >= new Version(5, 13));
        Assert.True(facts.LandlockAbi >= 1);
        Assert.Equal(Directory.Exists("/sys/fs/cgroup/pids") ? CgroupLayout.V1 : CgroupLayout.V2, facts.Cgroups);
        Assert.Equal(File.Exists("/sys/module/apparmor/parameters/enabled"), facts.AppArmorEnabled);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Layout_is_v2_only_when_the_root_has_controllers()
    {
        string root = Directory.CreateTempSubdirectory().FullName;
        Assert.Equal(CgroupLayout.V1, HostProbe.Layout(root));
        File.WriteAllText(Path.Combine(root, "cgroup.controllers"), "cpu memory pids\n");
        Assert.Equal(CgroupLayout.V2, HostProbe.Layout(root));
        Directory.Delete(root, true);
    }
}
