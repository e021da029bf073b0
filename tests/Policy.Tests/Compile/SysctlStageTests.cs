using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Xunit;
using static Hctr.Policy.Tests.Compile.ProfileBuilder;

namespace Hctr.Policy.Tests.Compile;

[Trait("Category", "Unit")]
public class SysctlStageTests
{
    [Fact]
    public void Namespaced_sysctls_pass()
    {
        var p = Strict() with { Sysctls = [new SysctlEntry("net.ipv4.ip_unprivileged_port_start", "0", At(80)), new SysctlEntry("kernel.shmmax", "1", At(81))] };
        Assert.Equal(["net.ipv4.ip_unprivileged_port_start", "kernel.shmmax"], CompileOk(p).Sysctls.Select(s => s.Key));
    }

    [Fact]
    public void Net_sysctl_with_host_network_is_refused()
    {
        var p = Strict().WithModes(NetworkMode.Host) with { Sysctls = [new SysctlEntry("net.ipv4.ip_forward", "1", At(80))] };
        Assert.Contains(DiagnosticCodes.SysctlNotNamespaced, Run(p).Codes(Severity.Error));
    }

    [Fact]
    public void Host_wide_sysctl_is_refused()
    {
        var p = Strict() with { Sysctls = [new SysctlEntry("kernel.panic", "1", At(80))] };
        Assert.Contains(DiagnosticCodes.SysctlNotNamespaced, Run(p).Codes(Severity.Error));
    }
}
