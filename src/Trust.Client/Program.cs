using Hctr.Trust;
using Hctr.TufClient;

// Exit code contract: 0 on success, 1 on any failure. No exception may escape (a crash would be SIGABRT).
try
{
    var parsed = ClientArguments.Parse(args);
    if (parsed.Error is not null)
    {
        Console.Error.WriteLine($"hctr-tuf-client: {parsed.Error}");
        Console.Error.WriteLine("usage: hctr-tuf-client --metadata-dir D [--metadata-url U] [--target-dir X --target-base-url B --target-name T ...] init ROOT_FILE | refresh | download");
        return 1;
    }
    using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
    await new ClientCommands(parsed, http, Console.Error).RunAsync(CancellationToken.None);
    return 0;
}
catch (TrustVerificationException e)
{
    Console.Error.WriteLine($"hctr-tuf-client: refused ({e.Reason}): {e.Message}");
    return 1;
}
catch (Exception e)
{
    Console.Error.WriteLine($"hctr-tuf-client: error: {e.Message}");
    return 1;
}
