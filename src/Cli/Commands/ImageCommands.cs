using System.CommandLine;
using System.Text.Json.Nodes;
using Hctr.Engine.Images;
using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;
using Hctr.Engine.Images.Unpack;
using Hctr.Trust;
using Hctr.Trust.Client;
using Hctr.Trust.Images;
using Spectre.Console;

namespace Hctr.Cli.Commands;

/// <summary>
/// <c>hctr pull | images | rmi | push | load | save | system gc</c>: the composition root for images (console,
/// environment, exit codes). Exit codes: 0 success, 1 refused or failed (the reason is printed), 2 usage.
/// </summary>
internal static class ImageCommands
{
    public static IEnumerable<Command> Create() =>
        [PullCommand(), ImagesCommand(), RmiCommand(), PushCommand(), LoadCommand(), SaveCommand(), SystemCommand()];

    internal static Option<string> RootOption() => new("--root") { Description = "state root (default $HCTR_ROOT, else /var/lib/hctr)" };

    private static ContentStore Store(ParseResult parse, Option<string> root) =>
        new(parse.GetValue(root) ?? ContentStore.DefaultStateRoot(Environment.GetEnvironmentVariable("HCTR_ROOT")));

    internal static RegistryOptions RegistryOptions()
    {
        string config = Environment.GetEnvironmentVariable("DOCKER_CONFIG") is { Length: > 0 } d
            ? Path.Combine(d, "config.json")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker", "config.json");
        string? ca = Environment.GetEnvironmentVariable("HCTR_REGISTRY_CA");
        return new RegistryOptions
        {
            Credentials = File.Exists(config) ? RegistryCredentials.FromDockerConfig(File.ReadAllText(config)) : RegistryCredentials.None,
            CaCertificatesPem = ca is { Length: > 0 } ? File.ReadAllText(ca) : null,
        };
    }

    private static Command PullCommand()
    {
        var image = new Argument<string>("image") { Description = "REGISTRY/REPOSITORY:TAG[@sha256:DIGEST]" };
        var platform = new Option<string>("--platform") { Description = "os/arch[/variant] from an index", DefaultValueFactory = _ => "linux/amd64" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print only the image digest" };
        var format = new Option<string>("--format") { Description = "text or json" };
        format.AcceptOnlyFromAmong("text", "json");
        var trustOptions = new ImageTrustOptions();
        var profile = new Option<string>("--profile") { Description = "the profile the image will run under: the trust policy's grant is checked before any layer is fetched" };
        var root = RootOption();
        var command = new Command("pull", "Resolve, verify (TUF) and only then download and unpack an image");
        command.Arguments.Add(image);
        foreach (var o in new Option[] { platform, quiet, format, profile, root }.Concat(trustOptions.All)) command.Options.Add(o);
        command.SetAction((parse, ct) => RunAsync("pull", async () =>
        {
            var reference = ParseImage(parse.GetValue(image)!);
            if (!Platform.TryParse(parse.GetValue(platform)!, out var p)) throw new UsageException("--platform must be os/arch[/variant]");
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
            var store = Store(parse, root);
            using var client = new RegistryClient(RegistryOptions());
            IImageTrust trust = trustOptions.Build(parse, http, client, store.Root, out string? trustError) ?? throw new UsageException(trustError!);
            var puller = new ImagePuller(client, store, trust);
            var options = new PullOptions { Platform = p!, Profile = parse.GetValue(profile) is { } pf ? ProfileIdentity.OfFile(pf) : null };
            bool json = parse.GetValue(format) == "json", silent = parse.GetValue(quiet);
            var result = !json && !silent && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive
                ? await PullProgressView.RunAsync(progress => puller.PullAsync(reference, options, progress, ct))
                : await puller.PullAsync(reference, options, json || silent ? null : new LineProgress(), ct);
            if (json) Console.Out.WriteLine(PullJson(result).ToJsonString());
            else if (silent) Console.Out.WriteLine(result.Record.Digest);
            else
            {
                foreach (string w in result.Warnings) Console.Error.WriteLine($"warning: {w}");
                Console.Out.WriteLine($"trust   {result.Trust.Reason}");
                if (result.Trust.Count is { } count) Console.Out.WriteLine($"signers {count}: {string.Join(", ", result.Trust.Signers)}");
                Console.Out.WriteLine($"pulled  {result.Record.Reference}@{result.Record.Digest}");
            }
        }));
        return command;
    }

    private static JsonObject PullJson(PullResult r) => new()
    {
        ["reference"] = r.Record.Reference,
        ["digest"] = r.Record.Digest,
        ["manifest"] = r.Record.ManifestDigest,
        ["size"] = r.Record.Size,
        ["trusted"] = r.Trust.Trusted,
        ["trust"] = r.Trust.Reason,
        ["mechanism"] = r.Trust.Mechanism,
        ["count"] = r.Trust.Count,
        ["signers"] = new JsonArray(r.Trust.Signers.Select(s => (JsonNode)s).ToArray()),
        ["layers"] = new JsonArray(r.Manifest.Layers.Select(l => (JsonNode)l.Digest).ToArray()),
        ["warnings"] = new JsonArray(r.Warnings.Select(w => (JsonNode)w).ToArray()),
    };

    private static Command ImagesCommand()
    {
        var root = RootOption();
        var command = new Command("images", "List images in the local store");
        command.Options.Add(root);
        command.SetAction(parse => Run("images", () =>
        {
            Console.Out.WriteLine($"{"REFERENCE",-50} {"DIGEST",-20} {"SIZE",12}");
            foreach (var r in Store(parse, root).Refs.List()) Console.Out.WriteLine($"{r.Reference,-50} {r.Digest[..19],-20} {r.Size,12}");
        }));
        return command;
    }

    private static Command RmiCommand()
    {
        var image = new Argument<string>("image") { Description = "REGISTRY/REPOSITORY:TAG" };
        var root = RootOption();
        var command = new Command("rmi", "Remove an image reference (blobs go with `hctr system gc`)");
        command.Arguments.Add(image);
        command.Options.Add(root);
        command.SetAction((parse, ct) => RunAsync("rmi", async () =>
        {
            var reference = ParseImage(parse.GetValue(image)!);
            if (!await Store(parse, root).Refs.RemoveAsync(reference.TargetName, ct))
                throw new RegistryException(RegistryFailureReason.NotFound, $"{reference.TargetName} is not in the local store");
            Console.Out.WriteLine($"untagged {reference.TargetName}");
        }));
        return command;
    }

    private static Command PushCommand()
    {
        var image = new Argument<string>("image") { Description = "REGISTRY/REPOSITORY:TAG (as stored)" };
        var to = new Option<string>("--to") { Description = "push under another REGISTRY/REPOSITORY:TAG" };
        var mount = new Option<string>("--mount-from") { Description = "repository on the same registry to mount blobs from" };
        var chunk = new Option<int>("--chunk-size") { Description = "chunked upload with this many bytes per PATCH (0: monolithic)" };
        var root = RootOption();
        var command = new Command("push", "Push a stored image to a registry");
        command.Arguments.Add(image);
        foreach (var o in new Option[] { to, mount, chunk, root }) command.Options.Add(o);
        command.SetAction((parse, ct) => RunAsync("push", async () =>
        {
            var source = ParseImage(parse.GetValue(image)!);
            var destination = parse.GetValue(to) is { } t ? ParseImage(t) : source;
            using var client = new RegistryClient(RegistryOptions() with { UploadChunkBytes = parse.GetValue(chunk) });
            string digest = await new ImagePusher(client, Store(parse, root)).PushAsync(source, destination, parse.GetValue(mount),
                new LineProgress(), ct);
            Console.Out.WriteLine($"pushed  {destination.TargetName}@{digest}");
        }));
        return command;
    }

    private static Command LoadCommand()
    {
        var input = new Argument<string>("layout") { Description = "OCI image layout: a directory or a tar" };
        var root = RootOption();
        var command = new Command("load", "Load images from an OCI layout (refs from org.opencontainers.image.ref.name)");
        command.Arguments.Add(input);
        command.Options.Add(root);
        command.SetAction((parse, ct) => RunAsync("load", async () =>
        {
            foreach (var r in await OciLayout.LoadAsync(Store(parse, root), parse.GetValue(input)!, Platform.Default, ct))
                Console.Out.WriteLine($"loaded  {r.Reference}@{r.Digest}");
        }));
        return command;
    }

    private static Command SaveCommand()
    {
        var image = new Argument<string>("image") { Description = "REGISTRY/REPOSITORY:TAG" };
        var output = new Option<string>("--output", "-o") { Description = "tar file to write", Required = true };
        var root = RootOption();
        var command = new Command("save", "Save a stored image as an OCI layout tar");
        command.Arguments.Add(image);
        command.Options.Add(output);
        command.Options.Add(root);
        command.SetAction((parse, ct) => RunAsync("save", () =>
            OciLayout.SaveAsync(Store(parse, root), ParseImage(parse.GetValue(image)!), parse.GetValue(output)!, ct)));
        return command;
    }

    private static Command SystemCommand()
    {
        var root = RootOption();
        var gc = new Command("gc", "Remove blobs and unpacked layers no image references");
        gc.Options.Add(root);
        gc.SetAction((parse, ct) => RunAsync("system gc", async () =>
        {
            // Dead containers first: a SIGKILLed run's overlay stays mounted on its layers until removed.
            int leftovers = Hctr.Engine.Containers.ForegroundRun.CleanLeftovers();
            if (leftovers > 0)
            {
                Console.Out.WriteLine($"cleaned up after {leftovers} containers whose hctr died");
            }

            var r = await GarbageCollector.CollectAsync(Store(parse, root), ct);
            Console.Out.WriteLine($"removed {r.BlobsRemoved} blobs, {r.LayersRemoved} layers, {r.BytesFreed} bytes"
                + (r.KeptInUse > 0 ? $"; kept {r.KeptInUse} unreferenced layers running containers use" : ""));
        }));
        var system = new Command("system", "Local state maintenance");
        system.Subcommands.Add(gc);
        return system;
    }

    private static ImageReference ParseImage(string text) =>
        ImageReference.TryParse(text, out var r, out var error) ? r! : throw new UsageException(error!);

    private static int Run(string name, Action action) => RunAsync(name, () =>
    {
        action();
        return Task.CompletedTask;
    }).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string name, Func<Task> action)
    {
        try
        {
            await action();
            return ExitCodes.Ok;
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"hctr {name}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (RegistryException e)
        {
            Console.Error.WriteLine($"hctr {name}: refused ({e.Reason}): {e.Message}");
            return ExitCodes.Findings;
        }
        catch (UnpackException e)
        {
            Console.Error.WriteLine($"hctr {name}: layer refused ({e.Reason}): {e.Message}");
            return ExitCodes.Findings;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TrustVerificationException or HttpRequestException)
        {
            Console.Error.WriteLine($"hctr {name}: {e.Message}");
            return ExitCodes.Findings;
        }
    }

    private sealed class UsageException(string message) : Exception(message);

    /// <summary>Plain progress lines for pipes and logs: one per phase change, none per byte.</summary>
    private sealed class LineProgress : IProgress<PullProgress>
    {
        public void Report(PullProgress p)
        {
            string? line = p.Phase switch
            {
                PullPhase.Resolved => $"resolved {p.Digest} ({p.Total} bytes)",
                PullPhase.Trusted => $"verified {p.Digest}: {p.Message}",
                PullPhase.Downloaded => $"blob     {p.Digest[..19]} {p.Total} bytes{(p.Message is null ? "" : $" ({p.Message})")}",
                PullPhase.Unpacked => $"unpacked {p.Digest[..19]}",
                _ => null,
            };
            if (line is not null) Console.Out.WriteLine(line);
        }
    }

    /// <summary>Spectre.Console bars, one per blob, on an interactive terminal.</summary>
    private static class PullProgressView
    {
        public static async Task<PullResult> RunAsync(Func<IProgress<PullProgress>, Task<PullResult>> pull)
        {
            PullResult? result = null;
            await AnsiConsole.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn())
                .StartAsync(async ctx =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    var gate = new Lock();
                    var sink = new Callback(p =>
                    {
                        if (p.Phase is PullPhase.Resolved or PullPhase.Trusted) return;
                        lock (gate)
                        {
                            if (!tasks.TryGetValue(p.Digest, out var task))
                                tasks[p.Digest] = task = ctx.AddTask(p.Digest[7..19], maxValue: Math.Max(1, p.Total));
                            task.Description = $"{p.Digest[7..19]} {p.Phase.ToString().ToLowerInvariant()}";
                            task.Value = p.Phase is PullPhase.Unpacking ? 0 : p.Current;
                        }
                    });
                    result = await pull(sink);
                });
            return result!;
        }
    }

    private sealed class Callback(Action<PullProgress> report) : IProgress<PullProgress>
    {
        public void Report(PullProgress value) => report(value);
    }
}
