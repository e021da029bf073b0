namespace Hctr.Sandbox.Tests.Front;

/// <summary>
/// bin/hctr, the front binary, against the real kernel: it launches a cached <c>run --rootfs</c> itself (and
/// leaves nothing behind), execs bin/hctr-cli for a miss and for every other command line, and a run under a
/// name in use fails without releasing the running container's id range.
/// </summary>
[Collection(HctrCollection.Name)]
[Trait("Category", "E2E")]
public sealed class FrontBinaryTests : IDisposable
{
    private const string StateRoot = "/run/hctr";

    private readonly FrontSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    private static string NewName() => "front-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Which program launched a blocking container: the front on a hit, the full CLI otherwise.</summary>
    private string Launcher(IReadOnlyDictionary<string, string?> env, params string[] options)
    {
        using var p = FrontProcess.Start(FrontProcess.Front, _setup.RunArgs(options, "/bin/sh", "-c", FrontProcess.Ready + "echo done"), env);
        p.WaitReady();
        string exe = p.Exe;
        var r = p.Finish("go\n");
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.Equal("done\n", r.Stdout);
        return exe;
    }

    [Fact]
    public void A_cache_hit_runs_in_the_front_and_a_miss_in_the_full_cli()
    {
        Assert.Equal(FrontProcess.FullCli, Launcher(_setup.Env)); // never compiled: a miss, which the full CLI compiles
        Assert.Equal(FrontProcess.Front, Launcher(_setup.Env));
        Assert.Equal(FrontProcess.FullCli, Launcher(_setup.NoCache));
        Assert.Equal(FrontProcess.FullCli, Launcher(_setup.Env, "--hostname", "other")); // another request
        Assert.Equal(FrontProcess.Front, Launcher(_setup.Env, "--hostname", "other"));

        File.AppendAllText(_setup.Profile, "# edited\n");
        Assert.Equal(FrontProcess.FullCli, Launcher(_setup.Env));
        Assert.Equal(FrontProcess.Front, Launcher(_setup.Env));
    }

    /// <summary>
    /// <c>-t</c> through the front: on a hit the front itself holds the container's pty and relays it, as the full
    /// CLI does. script(1) plays the user's terminal; the run is put in the background only to read which program
    /// it is (/proc/PID/exe) while the container sleeps.
    /// </summary>
    [Fact]
    public void With_a_terminal_a_hit_runs_in_the_front_and_relays_the_pty_as_the_full_cli_does()
    {
        static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        string Run(string exe) =>
            $"HCTR_ID_BASE={_setup.Env["HCTR_ID_BASE"]} {Quote(exe)} run --profile {Quote(_setup.Profile)} --rootfs {Quote(_setup.Rootfs)}"
            + " -t -- /bin/sh -c 'tty; sleep 1; exit 7'";
        string Observed(string exe) => $"{Run(exe)} < /dev/tty & sleep 0.5; echo exe=$(readlink /proc/$!/exe); wait $!; echo rc=$?";

        Assert.Contains("rc=7", InScript($"{Run(FrontProcess.Front)} < /dev/tty; echo rc=$?"), StringComparison.Ordinal); // a miss: compiles
        foreach (var exe in new[] { FrontProcess.Front, FrontProcess.FullCli })
        {
            string output = InScript(Observed(exe));
            Assert.Matches($@"(?m)^exe={System.Text.RegularExpressions.Regex.Escape(exe)}\r?$", output); // raw tty while hctr runs: LF alone
            Assert.Matches(@"(?m)^/dev/pts/0\r?$", output);
            Assert.Contains("rc=7", output, StringComparison.Ordinal);
        }
    }

    private static string InScript(string command)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("script", ["-qec", command, "/dev/null"])
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        using var p = System.Diagnostics.Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        Assert.True(p.WaitForExit(5000), "script did not exit");
        p.StandardInput.Close();
        return output;
    }

    [Fact]
    public void A_fast_path_run_leaves_no_state_claim_or_cgroup()
    {
        string name = NewName();
        string[] args = _setup.RunArgs(["--name", name], "/bin/sh", "-c", FrontProcess.Ready + "echo done");
        FrontProcess.Run(FrontProcess.FullCli, args, _setup.Env, "go\n"); // the warm-up compiles and stores the plan

        using (var p = FrontProcess.Start(FrontProcess.Front, args, _setup.Env))
        {
            p.WaitReady();
            Assert.Equal(FrontProcess.Front, p.Exe);
            // Present while it runs, so their absence afterwards means something.
            Assert.True(Directory.Exists(Path.Combine(StateRoot, name)), "no state directory while running");
            Assert.NotEmpty(Claims(name));
            Assert.NotEmpty(CgroupDirs(name));
            var r = p.Finish("go\n");
            Assert.Equal(0, r.ExitCode);
        }

        Assert.False(Directory.Exists(Path.Combine(StateRoot, name)), "state directory left behind");
        Assert.Empty(Claims(name));
        Assert.Empty(CgroupDirs(name));
    }

    [Fact]
    public void A_run_under_a_name_in_use_fails_and_keeps_the_running_containers_range()
    {
        string name = NewName();
        string[] args = _setup.RunArgs(["--name", name], "/bin/sh", "-c", FrontProcess.Ready + "echo done");
        FrontProcess.Run(FrontProcess.FullCli, args, _setup.Env, "go\n");

        using var running = FrontProcess.Start(FrontProcess.Front, args, _setup.Env);
        running.WaitReady();
        Assert.Equal(FrontProcess.Front, running.Exe);
        var claims = Claims(name);
        Assert.NotEmpty(claims);
        Assert.All(claims, c => Assert.Equal(running.Pid, c.Pid));

        // Twice: the first second run misses at its own range start (the full CLI compiles it), the next one hits.
        for (int attempt = 0; attempt < 2; attempt++)
        {
            var second = FrontProcess.Run(FrontProcess.Front, _setup.RunArgs(["--name", name], "/bin/echo", "second"), _setup.Env);
            Assert.Equal(125, second.ExitCode);
            Assert.Contains($"a container named '{name}' is running", second.Stderr);
            Assert.DoesNotContain("second", second.Stdout);
            Assert.Equal(claims, Claims(name)); // the running container's claim is still there, and no other
        }

        var first = running.Finish("go\n");
        Assert.Equal((0, "done\n"), (first.ExitCode, first.Stdout));
        Assert.Empty(Claims(name));
    }

    [Fact]
    public void Other_command_lines_are_the_full_clis()
    {
        var env = _setup.Env;
        string[] compile = ["profile", "compile", "--emit", "plan", Path.Combine(HctrBinary.RepoRoot, "profiles", "default.yaml")];
        var viaFront = FrontProcess.Run(FrontProcess.Front, compile, env);
        var direct = FrontProcess.Run(FrontProcess.FullCli, compile, env);
        Assert.Equal(0, viaFront.ExitCode);
        Assert.StartsWith("{", viaFront.Stdout);
        Assert.Equal(direct, viaFront);

        var help = FrontProcess.Run(FrontProcess.Front, ["--help"], env);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("hctr", help.Stdout);
        Assert.Contains("Usage:", help.Stdout);

        var usage = FrontProcess.Run(FrontProcess.Front, ["profile", "validate"], env);
        Assert.Equal(2, usage.ExitCode);
        Assert.StartsWith("hctr: ", usage.Stderr);
        var runUsage = FrontProcess.Run(FrontProcess.Front, ["run", "--name"], env);
        Assert.Equal(125, runUsage.ExitCode);
        var runUsageDirect = FrontProcess.Run(FrontProcess.FullCli, ["run", "--name"], env);
        // The front execs the full CLI as argv[0] "hctr", so the hint names hctr, not hctr-cli.
        Assert.Equal(runUsageDirect with { Stderr = runUsageDirect.Stderr.Replace("'hctr-cli ", "'hctr ", StringComparison.Ordinal) }, runUsage);
        Assert.DoesNotContain("hctr-cli", runUsage.Stderr);

        // Refused by the front's parser (an option after the command), so the full CLI's own rule answers.
        var late = FrontProcess.Run(FrontProcess.Front, ["run", "--profile", _setup.Profile, "alpine", "--name", "x"], env);
        Assert.Equal(125, late.ExitCode);
        Assert.Contains("comes after the image", late.Stderr);
    }

    /// <summary>
    /// A miss hands the command line to the full CLI having given back the id range its lookup claimed: seen here
    /// because the exec fails (with the full CLI there, the exec keeps the pid and the full CLI's release would
    /// hide a leak). The miss is one with a claim: the profile's parent changed after the compile, so the entry
    /// for the claimed range start exists but is stale. The full CLI stays in place for the cache identity (path,
    /// size, time) and is made non-executable instead.
    /// </summary>
    [Fact]
    public void Without_a_runnable_full_cli_the_front_says_so_and_keeps_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("hctr-front-alone-").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0x1ed); // 0755: hctr-init is exec'd under the container's host ids
        try
        {
            string front = Path.Combine(dir, "hctr"), full = Path.Combine(dir, "hctr-cli");
            foreach (var file in new[] { "hctr", "hctr-cli", "hctr-init" })
            {
                File.Copy(Path.Combine(Path.GetDirectoryName(FrontProcess.Front)!, file), Path.Combine(dir, file));
            }

            string parent = Path.Combine(dir, "parent.yaml"), leaf = Path.Combine(dir, "leaf.yaml");
            File.Copy(_setup.Profile, parent);
            File.WriteAllText(leaf, "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: leaf}\nextends: parent.yaml\n"
                + "spec:\n  resources:\n    pids: 100\n");
            string name = NewName();
            string[] args = ["run", "--profile", leaf, "--rootfs", _setup.Rootfs, "--name", name, "--", "/bin/true"];
            Assert.Equal(0, FrontProcess.Run(front, args, _setup.Env).ExitCode); // compiled by the full CLI and stored

            File.AppendAllText(parent, "# edited\n");
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var run = FrontProcess.Run(front, args, _setup.Env);
            Assert.Equal(125, run.ExitCode);
            Assert.Contains("cannot start the full CLI", run.Stderr);
            Assert.Empty(Claims(name));
            Assert.False(Directory.Exists(Path.Combine(StateRoot, name)));

            var other = FrontProcess.Run(front, ["profile", "validate", leaf], _setup.Env);
            Assert.Equal(2, other.ExitCode);
            Assert.Contains("cannot start the full CLI", other.Stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The id-range claims naming container <paramref name="name"/>: file, claimant pid.</summary>
    private static List<(string File, int Pid)> Claims(string name)
    {
        var dir = Path.Combine(StateRoot, "idranges");
        var claims = new List<(string, int)>();
        foreach (var f in Directory.Exists(dir) ? Directory.GetFiles(dir) : [])
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(f);
            }
            catch (FileNotFoundException)
            {
                continue; // released meanwhile
            }

            if (lines.Length >= 2 && lines[0] == name)
            {
                claims.Add((f, int.Parse(lines[1], System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return claims;
    }

    /// <summary>
    /// The container's cgroup directories: hctr-NAME under each v1 hierarchy, or on v2 under the cgroup of the
    /// process that launched it (this test's, which the started hctr inherits).
    /// </summary>
    private static List<string> CgroupDirs(string name)
    {
        var parents = Directory.GetDirectories("/sys/fs/cgroup").Append("/sys/fs/cgroup").ToList();
        if (File.ReadAllLines("/proc/self/cgroup").FirstOrDefault(l => l.StartsWith("0::", StringComparison.Ordinal)) is { } unified)
        {
            parents.Add(Path.Combine("/sys/fs/cgroup", unified[3..].TrimStart('/')));
        }

        return parents.Distinct().Select(d => Path.Combine(d, "hctr-" + name)).Where(Directory.Exists).ToList();
    }
}
