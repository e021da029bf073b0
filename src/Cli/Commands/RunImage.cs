using System.CommandLine;
using Hctr.Engine.Images;
using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Rootfs;
using Hctr.Engine.Images.Store;
using Hctr.Engine.Images.Unpack;
using Hctr.Policy.Plan;
using Hctr.Trust;
using Hctr.Trust.Images;

namespace Hctr.Cli.Commands;

/// <summary>
/// The image half of <c>hctr run --profile P IMAGE [CMD...]</c>: the image from the store or pulled (verified, with
/// the profile passed to trust so its grant is checked before any layer byte), its config applied docker's way
/// (Entrypoint + Cmd, CMD replaces Cmd; Env under -e; WorkingDir under -w; User under -u, names resolved in the
/// image), and the per-container rootfs made once the container directory is claimed.
/// </summary>
internal sealed class RunImage
{
    private RunImage(ContentStore store, PullResult image, RootfsKind kind)
    {
        Store = store;
        Image = image;
        Kind = kind;
    }

    public ContentStore Store { get; }

    public PullResult Image { get; }

    public RootfsKind Kind { get; }

    internal sealed record Options(ImageTrustOptions Trust, Option<string> Root, Option<string> Platform, Option<string> StorageDriver)
    {
        public IEnumerable<Option> All => [.. Trust.All, Root, Platform, StorageDriver];

        public static Options Create()
        {
            var platform = new Option<string>("--platform") { Description = "os/arch[/variant] from an image index", DefaultValueFactory = _ => "linux/amd64" };
            var driver = new Option<string>("--storage-driver") { Description = "image rootfs: overlay (idmapped layers, default) or vfs (a private copy)", DefaultValueFactory = _ => "overlay" };
            driver.AcceptOnlyFromAmong("overlay", "vfs");
            return new Options(new ImageTrustOptions(), ImageCommands.RootOption(), platform, driver);
        }
    }

    /// <summary>Gets the image (store or verified pull) or returns null having printed why.</summary>
    public static RunImage? Get(ParseResult parse, Options options, string imageText, string profilePath, TextWriter stderr, CancellationToken ct)
    {
        try
        {
            if (!ImageReference.TryParse(imageText, out var reference, out string? parseError))
            {
                stderr.WriteLine($"hctr run: image '{imageText}': {parseError}");
                return null;
            }

            if (!Hctr.Engine.Images.Registry.Platform.TryParse(parse.GetValue(options.Platform)!, out var platform))
            {
                stderr.WriteLine("hctr run: --platform must be os/arch[/variant]");
                return null;
            }

            var store = new ContentStore(parse.GetValue(options.Root) ?? ContentStore.DefaultStateRoot(Environment.GetEnvironmentVariable("HCTR_ROOT")));
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
            using var client = new RegistryClient(ImageCommands.RegistryOptions());
            var trust = options.Trust.Build(parse, http, client, store.Root, out string? trustError);
            if (trust is null)
            {
                stderr.WriteLine($"hctr run: {trustError}");
                return null;
            }

            var pull = new PullOptions { Platform = platform!, Profile = ProfileIdentity.OfFile(profilePath) };
            var result = new ImagePuller(client, store, trust).GetAsync(reference!, pull, new PullLines(stderr, reference!.TargetName), ct).GetAwaiter().GetResult();
            foreach (string w in result.Warnings)
            {
                stderr.WriteLine($"hctr: warning: {w}");
            }

            if (result.Trust.Reason.StartsWith("UNSAFE", StringComparison.Ordinal))
            {
                stderr.WriteLine($"hctr: warning: {result.Trust.Reason}");
            }

            var kind = parse.GetValue(options.StorageDriver) == "vfs" ? RootfsKind.Copy : RootfsKind.Overlay;
            return new RunImage(store, result, kind);
        }
        catch (RegistryException e)
        {
            stderr.WriteLine($"hctr run: refused ({e.Reason}): {e.Message}");
        }
        catch (UnpackException e)
        {
            stderr.WriteLine($"hctr run: layer refused ({e.Reason}): {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TrustVerificationException or HttpRequestException)
        {
            stderr.WriteLine($"hctr run: {e.Message}");
        }

        return null;
    }

    /// <summary>argv, env, cwd and user from the image config under the user's overrides; null after printing why.</summary>
    public LaunchRequest? Request(LaunchRequest request, string[] command, string[] extraEnv, string? workdir, string? user, string? entrypoint, TextWriter stderr)
    {
        var config = Image.Config;
        var argv = config.Argv(command, entrypoint);
        if (argv.Count == 0)
        {
            stderr.WriteLine(entrypoint is null
                ? "hctr run: the image has no Entrypoint or Cmd; give a command after the image"
                : "hctr run: --entrypoint \"\" leaves no program; give a command after the image");
            return null;
        }

        var resolved = ImageUser.TryResolve(user ?? config.User, Store, Image.Manifest, out string? userError);
        if (resolved is null)
        {
            stderr.WriteLine($"hctr run: {(user is null ? "image config User" : "--user")}: {userError}");
            return null;
        }

        var env = new List<string>(config.Env);
        if (!env.Any(e => e.StartsWith("PATH=", StringComparison.Ordinal)))
        {
            env.Insert(0, request.Env.First(e => e.StartsWith("PATH=", StringComparison.Ordinal)));
        }

        if (!env.Any(e => e.StartsWith("HOME=", StringComparison.Ordinal)))
        {
            env.Add($"HOME={resolved.Home ?? "/"}");
        }

        var keys = extraEnv.Select(e => e[..e.IndexOf('=')]).ToHashSet(StringComparer.Ordinal);
        foreach (string port in config.ExposedPorts)
        {
            stderr.WriteLine($"hctr: note: the image exposes {port}; hctr publishes no ports (the profile's network section decides what the container may bind)");
        }

        return request with
        {
            Argv = [.. argv],
            Env = [.. env.Where(e => e.Contains('=') && !keys.Contains(e[..e.IndexOf('=')])), .. extraEnv],
            Cwd = workdir ?? config.WorkingDir,
            Uid = resolved.Uid,
            Gid = resolved.Gid,
        };
    }

    /// <summary>Pull progress on stderr (stdout is the container's), one line per step, as docker says what it fetches.</summary>
    private sealed class PullLines(TextWriter stderr, string image) : IProgress<PullProgress>
    {
        public void Report(PullProgress p)
        {
            string? line = p.Phase switch
            {
                PullPhase.Resolved => $"hctr: {image} is not in the store: pulling {p.Digest}",
                PullPhase.Trusted => $"hctr: trusted: {p.Message}",
                PullPhase.Downloaded => $"hctr: blob {p.Digest[..19]} {p.Total} bytes",
                _ => null,
            };
            if (line is not null)
            {
                lock (stderr)
                {
                    stderr.WriteLine(line);
                }
            }
        }
    }

    /// <summary>Builds and mounts the rootfs in the claimed container directory; disposing it unmounts and removes it.</summary>
    public IDisposable Mount(string containerDir, IdMapPlan maps, TextWriter stderr)
    {
        var rootfs = ImageRootfs.CreateAsync(Store, Image.Manifest, containerDir, maps, Kind, new UnpackOptions()).GetAwaiter().GetResult();
        if (rootfs.Note is not null)
        {
            stderr.WriteLine($"hctr: note: {rootfs.Note}");
        }

        return rootfs;
    }
}
