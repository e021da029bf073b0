using System.Diagnostics;
using Hctr.Policy.AppArmor;
using Hctr.Policy.Capabilities;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Xunit;
using Xunit.Abstractions;
using static Hctr.Policy.Tests.Compile.ProfileBuilder;

namespace Hctr.Policy.Tests.AppArmor;

/// <summary>
/// Runs the real apparmor_parser in "-Q -K" mode (parse and compile, skip the kernel and the cache) on
/// generated profiles. It needs the tunables and abstractions the apparmor package installs under
/// /etc/apparmor.d; without the parser the test reports why and passes vacuously (xunit 2 has no dynamic skip).
/// </summary>
[Trait("Category", "Integration")]
public class AppArmorParserTests(ITestOutputHelper output)
{
    private static readonly string[] ParserPaths = ["/usr/sbin/apparmor_parser", "/sbin/apparmor_parser"];

    public static TheoryData<string> Profiles() => ["strict", "web", "bridge-open", "raw-rules", "odd-paths", "many-caps"];

    private static SecurityProfile Build(string which) => which switch
    {
        "strict" => Strict(),
        "web" => AppArmorProfileWriterTests.Web(),
        "bridge-open" => Strict("bridge-open").WithModes(NetworkMode.Bridge, NetworkMode.Host).WithTcp([Ports(0, 65535)], [Ports(0, 65535)]),
        "raw-rules" => AppArmorProfileWriterTests.Web() with { AppArmorRules = [L("deny /etc/shadow rwklx,", 90), L("/opt/app/{bin,lib}/** rm,", 91), L("signal (send) peer=hctr-web-strict,", 92)] },
        "odd-paths" => Strict("odd").WithAccess(("/srv/my data", Model.FileAccess.Read), ("/srv/a*b", Model.FileAccess.Write), ("/srv/{x}", Model.FileAccess.Execute), ("/opt/@home", Model.FileAccess.Read)),
        _ => Strict("many-caps").WithCaps(Capability.Chown, Capability.DacOverride, Capability.Fowner, Capability.Setuid, Capability.Setgid, Capability.NetBindService, Capability.Kill)
            with { Devices = [new DeviceEntry("/dev/fuse", 'c', 10, 229, "rw", 0x1B6, At(60))] },
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Apparmor_parser_accepts_the_generated_profile(string which)
    {
        var parser = ParserPaths.FirstOrDefault(File.Exists);
        if (parser is null)
        {
            output.WriteLine("skipped: apparmor_parser is not installed (Debian package 'apparmor')");
            return;
        }

        var bag = new DiagnosticBag();
        var text = AppArmorProfileWriter.Write(Build(which), bag);
        Assert.False(bag.HasErrors);
        var dir = Directory.CreateTempSubdirectory("hctr-aa-");
        try
        {
            var file = Path.Combine(dir.FullName, "profile");
            File.WriteAllText(file, text);
            var psi = new ProcessStartInfo(parser) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "-Q", "-K", file })
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            output.WriteLine(stderr);
            Assert.True(p.ExitCode == 0, $"apparmor_parser exit {p.ExitCode}: {stderr}\n{text}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
