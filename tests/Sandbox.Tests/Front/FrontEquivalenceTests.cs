namespace Hctr.Sandbox.Tests.Front;

/// <summary>
/// The front on a cache hit and the full CLI run the same container: the same exit code, stdout and stderr (the
/// profile's warnings included) for ordinary exits, a signal, a missing program, piped stdin and every option the
/// front takes, seen from inside.
/// </summary>
[Collection(HctrCollection.Name)]
[Trait("Category", "E2E")]
public sealed class FrontEquivalenceTests : IDisposable
{
    private readonly FrontSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    public static TheoryData<string, string[], string, string, int> Cases => new()
    {
        // name, options, script (after the ready handshake), stdin, expected exit code
        { "exit 0", [], "echo out; echo err >&2", "", 0 },
        { "exit 3", [], "echo before; exit 3", "", 3 },
        { "killed by SIGTERM", ["--init"], "echo dying; kill -TERM $$; echo survived", "", 143 },
        { "stdin through cat", [], "cat; echo end", "line one\nline two\n", 0 },
        {
            "options seen from inside",
            ["-e", "A=1", "--env", "B=two words", "-w", "/tmp", "-u", "1000:1001", "--hostname", "box.example", "--init"],
            "id; pwd; hostname; env | sort", "", 0
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_front_on_a_hit_and_the_full_cli_give_the_same_result(string name, string[] options, string script, string stdin, int exit)
    {
        string[] args = _setup.RunArgs(options, "/bin/sh", "-c", FrontProcess.Ready + script);
        var warmUp = FrontProcess.Run(FrontProcess.FullCli, args, _setup.Env, "go\n" + stdin);

        var front = Launch(FrontProcess.Front, args, stdin);
        var full = Launch(FrontProcess.FullCli, args, stdin);
        Assert.True(front.ExitCode == exit, $"{name}: exit {front.ExitCode}, expected {exit}; stderr: {front.Stderr}");
        Assert.Equal(full, front);
        Assert.Equal(warmUp, front with { Stdout = "ready\n" + front.Stdout }); // the compile's run, handshake included
        Assert.Contains("warning HCTR1604", front.Stderr); // the profile's warning, printed on a hit too
        if (name == "options seen from inside")
        {
            Assert.Contains("uid=1000 gid=1001", front.Stdout);
            foreach (var line in new[] { "/tmp", "box.example", "A=1", "B=two words" })
            {
                Assert.Contains("\n" + line + "\n", front.Stdout);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="binary"/>, checking that the container was launched by <paramref name="binary"/> itself
    /// (an exec of the full CLI keeps the pid).
    /// </summary>
    private HctrBinary.Result Launch(string binary, string[] args, string stdin)
    {
        using var p = FrontProcess.Start(binary, args, _setup.Env);
        p.WaitReady();
        Assert.Equal(binary, p.Exe);
        return p.Finish("go\n" + stdin);
    }

    [Fact]
    public void A_missing_program_is_127_from_both()
    {
        string[] args = _setup.RunArgs([], "/bin/no-such-program");
        var warmUp = FrontProcess.Run(FrontProcess.FullCli, args, _setup.Env);
        var front = FrontProcess.Run(FrontProcess.Front, args, _setup.Env);
        var full = FrontProcess.Run(FrontProcess.FullCli, args, _setup.Env);
        Assert.Equal(127, front.ExitCode);
        Assert.Contains("/bin/no-such-program", front.Stderr);
        Assert.Equal(full, front);
        Assert.Equal(warmUp, front);
    }
}
