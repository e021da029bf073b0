namespace Hctr.Fuzz.Engine;

/// <summary>
/// Runs one input on a fresh thread with a 1 MiB stack (less than any thread hctr runs policy code on,
/// so deep recursion shows up here first) and a per-input timeout. A hung thread cannot be stopped:
/// the caller reports the finding and ends the process.
/// </summary>
internal static class FuzzExecutor
{
    private const int StackSize = 1024 * 1024;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static FuzzOutcome Run(FuzzTarget target, byte[] input, TimeSpan timeout)
    {
        FuzzOutcome? outcome = null;
        var thread = new Thread(() => outcome = RunInline(target, input), StackSize) { IsBackground = true, Name = "fuzz-input" };
        thread.Start();
        return thread.Join(timeout) && outcome is not null
            ? outcome
            : new FuzzOutcome(FuzzOutcomeKind.Hang, "hang", new TimeoutException($"input did not finish in {timeout.TotalSeconds:0.#} s"));
    }

    private static FuzzOutcome RunInline(FuzzTarget target, byte[] input)
    {
        try
        {
            return new FuzzOutcome(FuzzOutcomeKind.Ok, target.Execute(input), null);
        }
        catch (Exception e) when (target.IsDeclared(e))
        {
            return new FuzzOutcome(FuzzOutcomeKind.Declared, target.DeclaredSignature(e), e);
        }
        catch (Exception e)
        {
            return new FuzzOutcome(FuzzOutcomeKind.Crash, "crash", e);
        }
    }
}
