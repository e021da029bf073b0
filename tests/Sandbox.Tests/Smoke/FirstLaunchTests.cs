using Hctr.Policy.Plan;
using Xunit.Abstractions;

namespace Hctr.Sandbox.Tests.Smoke;

public sealed class FirstLaunchTests(BusyboxRootfs rootfs, ITestOutputHelper output) : IClassFixture<BusyboxRootfs>
{
    [Fact]
    [Trait("Category", "Kernel")]
    public void Id_runs_as_mapped_root()
    {
        var plan = TestPlans.Default(rootfs.Path, "/bin/sh", "-c", "id; hostname; cat /proc/self/uid_map; ls -l /proc/self/fd; grep -E 'Cap|NoNew|Seccomp' /proc/self/status; cat /proc/self/mountinfo; ls -la /dev");
        File.WriteAllBytes("/tmp/hctr-plan.json", PlanJson.Serialize(plan));
        var r = HctrBinary.Run(plan);
        output.WriteLine(r.Stdout);
        output.WriteLine(r.Stderr);
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.Contains("uid=0(root)", r.Stdout);
    }
}
