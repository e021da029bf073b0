using Hctr.Policy.Plan;
using Hctr.Sandbox.AppArmor;

namespace Hctr.Sandbox.Tests.AppArmor;

/// <summary>
/// The parent's load/unload path. This host has no AppArmor, so the parser is a script that records its command
/// line and stdin (and, in one test, the real apparmor_parser with -Q, which does everything but the kernel load).
/// </summary>
[Trait("Category", "Unit")]
public sealed class AppArmorLoaderTests : IDisposable
{
    private const string Text = "#include <tunables/global>\nprofile hctr-test flags=(attach_disconnected,mediate_deleted) {\n  #include <abstractions/base>\n  file,\n}\n";
    private static readonly AppArmorPlan Plan = new("hctr-test", Text, Load: true);
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-apparmor-").FullName;

    private string State => Path.Combine(_dir, "state");

    private string Calls => Path.Combine(_dir, "calls");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_replaces_with_the_text_on_stdin_and_the_last_lease_removes()
    {
        var loader = new AppArmorLoader(FakeParser(exitCode: 0), State);
        var first = loader.Load(Plan);
        var second = loader.Load(Plan);
        Assert.Equal(["-r -K", "-r -K"], CallLines());
        Assert.Equal(Text, File.ReadAllText(Path.Combine(_dir, "stdin.1")));

        first.Dispose();
        Assert.Equal(2, CallLines().Length); // another launch still runs under the profile: not removed
        second.Dispose();
        second.Dispose();
        Assert.Equal(["-r -K", "-r -K", "-R -K"], CallLines());
        Assert.Equal(Text, File.ReadAllText(Path.Combine(_dir, "stdin.3")));
        Assert.False(Directory.Exists(Path.Combine(State, "hctr-test")));
    }

    [Fact]
    public void Markers_of_dead_hctr_processes_do_not_keep_the_profile_loaded()
    {
        var loader = new AppArmorLoader(FakeParser(exitCode: 0), State);
        var lease = loader.Load(Plan);
        File.WriteAllBytes(Path.Combine(State, "hctr-test", $"{int.MaxValue}.deadbeef"), []); // no such pid
        lease.Dispose();
        Assert.Equal(["-r -K", "-R -K"], CallLines());
    }

    [Fact]
    public void A_failed_load_fails_the_launch_and_leaves_no_marker()
    {
        var loader = new AppArmorLoader(FakeParser(exitCode: 1, stderr: "AppArmor parser error at line 3"), State);
        var e = Assert.Throws<IOException>(() => loader.Load(Plan));
        Assert.Contains("-r -K (profile hctr-test) failed with exit code 1: AppArmor parser error at line 3", e.Message);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(State, "hctr-test")));
    }

    [Fact]
    public void A_parser_that_fails_before_reading_its_input_is_reported_by_its_exit_code()
    {
        string parser = Script("early", "#!/bin/sh\necho 'unable to find a suitable fs' >&2\nexit 1\n");
        var big = Plan with { Text = Text + new string('#', 1 << 20) + "\n" }; // larger than a pipe: the write fails
        var e = Assert.Throws<IOException>(() => new AppArmorLoader(parser, State).Load(big));
        Assert.Contains("failed with exit code 1: unable to find a suitable fs", e.Message);
    }

    [Fact]
    public void A_missing_parser_is_a_clear_error()
    {
        var loader = new AppArmorLoader(Path.Combine(_dir, "no-such-parser"), State);
        var e = Assert.Throws<IOException>(() => loader.Load(Plan));
        Assert.Contains("apparmor_parser", e.Message);
    }

    [Fact]
    public void Profile_names_that_are_not_plain_are_refused()
    {
        var loader = new AppArmorLoader(FakeParser(exitCode: 0), State);
        Assert.Throws<InvalidOperationException>(() => loader.Load(Plan with { ProfileName = "../etc" }));
        Assert.False(File.Exists(Calls));
    }

    [Fact]
    public void Plans_without_load_load_nothing() =>
        Assert.Null(AppArmorLoader.LoadIfPlanned(Plan with { Load = false }));

    [Fact]
    public void The_real_parser_accepts_the_command_lines_and_a_generated_profile()
    {
        if (!File.Exists("/sbin/apparmor_parser") && !File.Exists("/usr/sbin/apparmor_parser"))
        {
            return; // as AppArmorParserTests: apparmor_parser comes with Debian package 'apparmor' (scripts/setup.sh)
        }

        // -Q: everything but the kernel load, which this host (no AppArmor) cannot do.
        string wrapper = Script("real", $"#!/bin/sh\napparmor_parser -Q \"$@\"\nrc=$?\necho \"$* rc=$rc\" >> '{Calls}'\nexit $rc\n");
        foreach (string name in (string[])["default", "web-strict"])
        {
            string text = File.ReadAllText(Path.Combine(HctrBinary.RepoRoot, "tests", "Policy.Tests", "Golden", name, "apparmor.txt"));
            var lease = new AppArmorLoader(wrapper, State).Load(new AppArmorPlan("hctr-" + name, text, Load: true));
            lease.Dispose();
        }

        Assert.Equal(["-r -K rc=0", "-R -K rc=0", "-r -K rc=0", "-R -K rc=0"], CallLines());
    }

    private string[] CallLines() => File.Exists(Calls) ? File.ReadAllLines(Calls) : [];

    private string FakeParser(int exitCode, string stderr = "") =>
        Script("parser", $$"""
            #!/bin/sh
            echo "$*" >> '{{Calls}}'
            n=$(wc -l < '{{Calls}}')
            cat > '{{_dir}}/stdin.'$n
            printf '%s\n' '{{stderr}}' >&2
            exit {{exitCode}}
            """ + "\n");

    private string Script(string name, string body)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, body);
        File.SetUnixFileMode(path, (UnixFileMode)0x1ed);
        return path;
    }
}
