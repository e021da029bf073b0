using Hctr.Trust;
using Hctr.Trust.Client;

namespace Hctr.TufClient;

/// <summary>init / refresh / download over the Trust library, with the system clock and an HTTP fetcher.</summary>
internal sealed class ClientCommands(ClientArguments args, HttpClient http, TextWriter log)
{
    public async Task RunAsync(CancellationToken ct)
    {
        switch (args.Command)
        {
            case "init":
                Init();
                break;
            case "refresh":
                await NewUpdater().RefreshAsync(ct).ConfigureAwait(false);
                break;
            case "download":
                await DownloadAsync(ct).ConfigureAwait(false);
                break;
            default:
                throw new UsageException($"unknown subcommand '{args.Command}'");
        }
    }

    private void Init()
    {
        string dir = Require(args.MetadataDir, "--metadata-dir");
        if (args.Operands.Count != 1) throw new UsageException("init takes exactly one ROOT_FILE");
        byte[] root = File.ReadAllBytes(args.Operands[0]);
        // Refuse a root that is not signed by a threshold of its own keys; expiry is checked at refresh.
        _ = new TrustedMetadataSet(root, TimeProvider.System);
        new FileMetadataStore(dir).Write("root.json", root);
    }

    private async Task DownloadAsync(CancellationToken ct)
    {
        string targetDir = Require(args.TargetDir, "--target-dir");
        var baseUrl = new Uri(Require(args.TargetBaseUrl, "--target-base-url"));
        if (args.TargetNames.Count == 0) throw new UsageException("download needs at least one --target-name");
        var updater = NewUpdater();
        await updater.RefreshAsync(ct).ConfigureAwait(false);
        Directory.CreateDirectory(targetDir);
        foreach (string name in args.TargetNames)
        {
            var info = await updater.GetTargetInfoAsync(name, ct).ConfigureAwait(false)
                ?? throw new TrustVerificationException(TrustFailureReason.TargetNotFound, $"no trusted target '{name}'", name);
            byte[] data = await updater.DownloadTargetAsync(info.Target, baseUrl, ct).ConfigureAwait(false);
            string fileName = Uri.EscapeDataString(name);
            if (fileName is "." or "..") throw new UsageException($"target name '{name}' cannot be a file name");
            Trust.IO.AtomicFile.Write(Path.Combine(targetDir, fileName), data);
            log.WriteLine($"{name}: {data.Length} bytes via {string.Join(" -> ", info.RolePath)}");
        }
    }

    private Updater NewUpdater()
    {
        string dir = Require(args.MetadataDir, "--metadata-dir");
        var url = new Uri(Require(args.MetadataUrl, "--metadata-url"));
        return new Updater(new FileMetadataStore(dir), new HttpMetadataFetcher(http), url, TimeProvider.System);
    }

    private static string Require(string? value, string option) =>
        value ?? throw new UsageException($"missing {option}");
}
