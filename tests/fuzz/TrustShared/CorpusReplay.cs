using Hctr.Trust;

/// <summary>
/// The corpus-replay driver shared by Trust's fuzz harnesses (TrustMetadata, TrustSignatures): replays every file
/// given (directories recursively; stdin when none) through the harness's <c>run</c>, counting any exception that
/// escapes as a failure. Inside <c>run</c>, <see cref="Try"/> marks the typed refusal as the expected outcome.
/// </summary>
internal static class CorpusReplay
{
    public static int Replay(string[] args, Action<byte[]> run)
    {
        var inputs = new List<(string Name, byte[] Data)>();
        if (args.Length == 0)
        {
            using var stdin = Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            inputs.Add(("<stdin>", buffer.ToArray()));
        }

        foreach (string arg in args)
        {
            var files = Directory.Exists(arg) ? Directory.EnumerateFiles(arg, "*", SearchOption.AllDirectories) : [arg];
            foreach (string file in files)
            {
                inputs.Add((file, File.ReadAllBytes(file)));
            }
        }

        int failures = 0;
        foreach (var (name, data) in inputs)
        {
            try
            {
                run(data);
            }
            catch (Exception e)
            {
                failures++;
                Console.Error.WriteLine($"{name}: {e.GetType().Name}: {e.Message}");
            }
        }

        Console.WriteLine($"{inputs.Count} inputs, {failures} failures");
        return failures == 0 ? 0 : 1;
    }

    public static void Try(Action parse)
    {
        try
        {
            parse();
        }
        catch (TrustVerificationException)
        {
            // A typed refusal is the expected outcome for malformed input.
        }
    }
}
