using System.Diagnostics;
using System.Text.RegularExpressions;
using Hctr.Policy.Plan;

namespace Hctr.Sandbox.Tests;

/// <summary>
/// <c>-t</c> end to end with the built hctr: the pty comes from the container's own devpts instance, its master
/// travels to hctr over the console socket, and hctr relays it. script(1) plays the user's terminal.
/// </summary>
[Collection(HctrCollection.Name)]
[Trait("Category", "E2E")]
public sealed partial class ConsoleSocketTests(BusyboxRootfs rootfs) : IClassFixture<BusyboxRootfs>
{
    private LaunchPlan Plan(string script) =>
        TestPlans.Default(rootfs.Path, "/bin/sh", "-c", script) is var plan
            ? plan with { Process = plan.Process with { Terminal = true } }
            : throw new InvalidOperationException();

    [Fact]
    public void Tty_names_the_containers_own_pts_with_the_callers_size_and_no_other_fd()
    {
        var r = InScript(
            Plan("tty; stty size; ls -l /proc/self/fd; exit 7"),
            before: "stty rows 33 cols 91; stty -g > /tmp/hctr-tty-before.$$",
            after: "rc=$?; stty -g | cmp -s - /tmp/hctr-tty-before.$$ && echo TERMINAL-RESTORED; rm -f /tmp/hctr-tty-before.$$; exit $rc");
        Assert.Equal(7, r.ExitCode);
        Assert.Matches(@"(?m)^/dev/pts/\d+\r?$", r.Output);
        Assert.Contains("33 91", r.Output);
        Assert.Contains("TERMINAL-RESTORED", r.Output);

        // 0, 1 and 2 are the slave; the only other fd is ls's own directory fd (gone by the time it reads the link).
        var fds = FdLine().Matches(r.Output).Select(m => (Fd: m.Groups[1].Value, Target: m.Groups[2].Value.Trim())).ToList();
        Assert.Equal(["/dev/pts/0", "/dev/pts/0", "/dev/pts/0"], fds.Where(f => f.Fd is "0" or "1" or "2").Select(f => f.Target));
        Assert.InRange(fds.Count, 3, 4);
        Assert.DoesNotContain(fds, f => f.Fd is not ("0" or "1" or "2") && f.Target.Length > 0);
        Assert.DoesNotContain("ptmx", r.Output);
        Assert.DoesNotContain("socket:", r.Output);
    }

    [Fact]
    public void Window_size_changes_reach_the_container()
    {
        // The tty's size changes while hctr runs: the kernel signals hctr (SIGWINCH), hctr resizes the pty.
        var r = InScript(
            Plan("stty size; sleep 2; stty size"),
            before: "stty rows 10 cols 20; (sleep 1; stty rows 44 cols 55 < /dev/tty) &",
            after: "");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("10 20", r.Output);
        Assert.Contains("44 55", r.Output);
    }

    [Fact]
    public void Without_a_terminal_stdin_and_output_are_relayed_and_stdin_end_is_eof()
    {
        var r = HctrBinary.Run(Plan("tty; read line; echo got:$line; cat; echo after-eof; exit 3"), stdin: "hello\nmore\n");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("/dev/pts/0", r.Stdout);
        Assert.Contains("got:hello", r.Stdout);
        Assert.Contains("more", r.Stdout);
        Assert.Contains("after-eof", r.Stdout);
    }

    [Fact]
    public void Exec_failure_after_the_console_is_reported_with_its_exit_code()
    {
        var plan = Plan("").WithArgv("/bin/nope");
        var r = HctrBinary.Run(plan);
        Assert.Equal(127, r.ExitCode);
        Assert.Contains("execve /bin/nope: ENOENT (step exec)", r.Stderr);
    }

    [Fact]
    public void Without_a_devpts_mount_the_console_step_fails_closed()
    {
        var plan = Plan("true");
        plan = plan with { Mounts = [.. plan.Mounts.Where(m => m.FsType != "devpts")] };
        var r = HctrBinary.Run(plan);
        Assert.Equal(125, r.ExitCode);
        Assert.Contains("/dev/ptmx", r.Stderr);
        Assert.Contains("(step console)", r.Stderr);
    }

    [Fact]
    public void Signal_exit_status_passes_through_a_terminal()
    {
        // With --init the shell is not PID 1 (which ignores SIGKILL from inside); the reaper holds no console fd.
        var plan = Plan("kill -KILL $$");
        var r = HctrBinary.Run(plan with { Process = plan.Process with { Init = true } });
        Assert.Equal(128 + 9, r.ExitCode);
    }

    [GeneratedRegex(@"(?m)^l\S+ .* \d\d:\d\d (\d+)(?: -> ([^\r\n]*))?\r?$")]
    private static partial Regex FdLine();

    private static (int ExitCode, string Output) InScript(LaunchPlan plan, string before, string after)
    {
        string planFile = Path.GetTempFileName();
        File.WriteAllBytes(planFile, PlanJson.Serialize(plan));
        try
        {
            string command = $"{before}\n{HctrBinary.Path} run --plan {planFile}; {(after.Length > 0 ? after : "exit $?")}";
            var psi = new ProcessStartInfo("script", ["-qec", command, "/dev/null"])
            {
                RedirectStandardOutput = true,
                RedirectStandardInput = true,
            };
            using var p = Process.Start(psi)!;
            string output = p.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            Assert.True(p.WaitForExit(5000), "script did not exit");
            p.StandardInput.Close();
            return (p.ExitCode, output);
        }
        finally
        {
            File.Delete(planFile);
        }
    }
}
