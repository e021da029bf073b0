using Hctr.Policy.AppArmor;
using Hctr.Policy.Capabilities;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Xunit;
using static Hctr.Policy.Tests.Compile.ProfileBuilder;

namespace Hctr.Policy.Tests.AppArmor;

[Trait("Category", "Unit")]
public class AppArmorProfileWriterTests
{
    internal static SecurityProfile Web() =>
        Strict("web-strict").WithCaps(Capability.NetBindService).WithModes(NetworkMode.Bridge)
            .WithAccess(("/", Model.FileAccess.Read | Model.FileAccess.Execute), ("/var/www", Model.FileAccess.Read), ("/var/log/app", Model.FileAccess.Read | Model.FileAccess.Write))
            .WithTcp([Ports(80, 80)], []);

    private static string Write(SecurityProfile p, out DiagnosticBag d)
    {
        d = new DiagnosticBag();
        return AppArmorProfileWriter.Write(p, d);
    }

    [Fact]
    public void Has_the_docker_default_shape()
    {
        var text = Write(Web(), out var d);
        Assert.False(d.HasErrors);
        Assert.Contains("#include <tunables/global>", text);
        Assert.Contains("profile hctr-web-strict flags=(attach_disconnected,mediate_deleted) {", text);
        Assert.Contains("  #include <abstractions/base>", text);
        Assert.Contains("  deny mount,", text);
        Assert.Contains("  deny @{PROC}/sysrq-trigger rwklx,", text);
        Assert.Contains("  ptrace (trace,read,tracedby,readby) peer=hctr-web-strict,", text);
        Assert.EndsWith("}\n", text);
    }

    [Fact]
    public void Capabilities_are_exactly_the_added_ones()
    {
        var text = Write(Web(), out _);
        Assert.Single(text.Split('\n'), l => l.TrimStart().StartsWith("capability ", StringComparison.Ordinal));
        Assert.Contains("  capability net_bind_service,", text);
        Assert.DoesNotContain("capability ", Write(Strict(), out _).Replace("# Capabilities", ""));
    }

    [Fact]
    public void Network_none_denies_inet()
    {
        var text = Write(Strict(), out _);
        Assert.Contains("  deny network inet,", text);
        Assert.Contains("  deny network inet6,", text);
        Assert.Contains("cannot match ports", text);
    }

    [Fact]
    public void File_rules_from_access()
    {
        var text = Write(Web(), out _);
        Assert.Contains("  /{,**} rkmix,", text);
        Assert.Contains("  /var/www{,/**} rk,", text);
        Assert.Contains("  /var/log/app{,/**} rwlk,", text);
        Assert.Contains("  /tmp{,/**} rwlk,", text);
        Assert.Contains("  deny /var/www{,/**} wl,", text);
        Assert.DoesNotContain("deny /{,**}", text); // "/" has writable paths beneath it
        Assert.DoesNotContain("\n  file,\n", text);
    }

    [Fact]
    public void No_access_rules_allow_all_files()
    {
        Assert.Contains("\n  file,\n", Write(Strict(), out _));
    }

    [Fact]
    public void Raw_rules_are_appended_verbatim()
    {
        var p = Web() with { AppArmorRules = [L("deny /etc/shadow r,", 90), L("/opt/app/** r,", 91)] };
        var text = Write(p, out var d);
        Assert.False(d.HasErrors);
        Assert.Contains("  deny /etc/shadow r,\n  /opt/app/** r,\n}", text);
    }

    [Theory]
    [InlineData("} profile evil { capability,")]
    [InlineData("change_profile -> unconfined,")]
    [InlineData("/usr/bin/** ux,")]
    [InlineData("/usr/bin/** Pux,")]
    [InlineData("/bin/sh px -> unconfined,")]
    [InlineData("#include <abstractions/evil>")]
    [InlineData("file,\n}")]
    public void Escaping_raw_rules_are_refused(string rule)
    {
        var p = Web() with { AppArmorRules = [L(rule, 90)] };
        var text = Write(p, out var d);
        Assert.Contains(DiagnosticCodes.BadAppArmorRule, d.ToImmutable().Select(x => x.Code));
        Assert.DoesNotContain(rule, text);
    }

    [Fact]
    public void Profile_name_is_sanitised()
    {
        Assert.Equal("hctr-a_b.c-d", AppArmorProfileWriter.ProfileName(Strict("a b.c-d")));
    }
}
