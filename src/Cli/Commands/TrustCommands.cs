using System.CommandLine;
using Hctr.Trust;
using Hctr.Trust.Client;
using Hctr.Trust.Crypto;
using Hctr.Trust.Images;
using Hctr.Trust.Metadata;
using Hctr.Trust.Repository;

namespace Hctr.Cli.Commands;

/// <summary>
/// <c>hctr trust ...</c>: keys, the repository side (init, sign, rotate, publish) and verification.
/// The composition root for Trust: the only place here that touches the console, environment and exit codes.
/// Exit codes: 0 success, 1 refused or failed (the reason is printed), 2 usage (System.CommandLine).
/// </summary>
internal static partial class TrustCommands
{
    private const string PassphraseVariable = "HCTR_KEY_PASSPHRASE";

    public static Command Create()
    {
        var trust = new Command("trust", "TUF-rooted image trust: keys, repository, verification");
        trust.Subcommands.Add(KeyCommand());
        trust.Subcommands.Add(InitCommand());
        trust.Subcommands.Add(DelegateCommand());
        trust.Subcommands.Add(SignCommand());
        trust.Subcommands.Add(PublishCommand());
        trust.Subcommands.Add(RotateCommand());
        trust.Subcommands.Add(SignRootCommand());
        trust.Subcommands.Add(VerifyCommand());
        trust.Subcommands.Add(PolicyCommand());
        return trust;
    }

    private static Command KeyCommand()
    {
        var type = new Option<string>("--type") { Description = "ed25519 or ecdsa-p256", Required = true };
        type.AcceptOnlyFromAmong("ed25519", "ecdsa-p256");
        var output = new Option<string>("--output", "-o") { Description = "private key file NAME (NAME.pub gets the public key)", Required = true };
        var generate = new Command("generate", "Generate a key pair; the private key is encrypted with a passphrase ($HCTR_KEY_PASSPHRASE or prompt)");
        generate.Options.Add(type);
        generate.Options.Add(output);
        generate.SetAction(parse => Run(() =>
        {
            var algorithm = parse.GetValue(type) == "ed25519" ? KeyAlgorithm.Ed25519 : KeyAlgorithm.EcdsaP256;
            string path = parse.GetValue(output)!;
            if (File.Exists(path)) throw new TrustVerificationException(TrustFailureReason.LocalState, $"{path} already exists");
            var key = SigningKey.Generate(algorithm);
            KeyFile.WritePrivate(path, key, Passphrase(path, confirm: true));
            KeyFile.WritePublic(path + ".pub", key.Public);
            Console.Out.WriteLine($"keyid {key.KeyId}");
            Console.Out.WriteLine($"{key.Public.KeyType} {key.Public.Scheme}");
            Console.Out.Write(key.Public.Public.EndsWith('\n') ? key.Public.Public : key.Public.Public + "\n");
        }));
        var exportFile = new Argument<string>("key-file") { Description = "public or private key file" };
        var export = new Command("export", "Print a key's public part as PEM");
        export.Arguments.Add(exportFile);
        export.SetAction(parse => Run(() => Console.Out.Write(PemKeys.ToPem(KeyFile.ReadPublic(parse.GetValue(exportFile)!)))));
        var pemFile = new Argument<string>("pem-file") { Description = "PEM public key (Ed25519, ECDSA P-256 or RSA)" };
        var importOutput = new Option<string>("--output", "-o") { Description = "public key file to write", Required = true };
        var import = new Command("import", "Import a PEM public key as a TUF public key file");
        import.Arguments.Add(pemFile);
        import.Options.Add(importOutput);
        import.SetAction(parse => Run(() =>
        {
            var imported = PemKeys.ToTufKey(File.ReadAllText(parse.GetValue(pemFile)!));
            KeyFile.WritePublic(parse.GetValue(importOutput)!, imported);
            Console.Out.WriteLine($"keyid {imported.ComputeKeyId()}");
        }));
        var key = new Command("key", "Signing keys");
        key.Subcommands.Add(generate);
        key.Subcommands.Add(export);
        key.Subcommands.Add(import);
        return key;
    }

    private static Command InitCommand()
    {
        var dir = DirOption();
        var rootKeys = KeysOption("--root-key", "root private key file(s)", required: true);
        var roleKeys = new[] { RoleNames.Targets, RoleNames.Snapshot, RoleNames.Timestamp }
            .ToDictionary(r => r, r => KeysOption($"--{r}-key", $"{r} key file(s) (public or private)", required: true));
        var thresholds = new[] { RoleNames.Root, RoleNames.Targets, RoleNames.Snapshot, RoleNames.Timestamp }
            .ToDictionary(r => r, r => new Option<int>($"--{r}-threshold") { Description = $"{r} threshold", DefaultValueFactory = _ => 1 });
        var command = new Command("init", "Create a TUF repository: root (signed now) and an empty targets role");
        command.Options.Add(dir);
        command.Options.Add(rootKeys);
        foreach (var o in roleKeys.Values) command.Options.Add(o);
        foreach (var o in thresholds.Values) command.Options.Add(o);
        command.SetAction(parse => Run(() =>
        {
            var signers = parse.GetValue(rootKeys)!.Select(LoadPrivate).ToList();
            var keys = new Dictionary<string, IReadOnlyList<PublicKey>> { [RoleNames.Root] = signers.Select(s => s.Public).ToList() };
            foreach (var (role, option) in roleKeys) keys[role] = parse.GetValue(option)!.Select(KeyFile.ReadPublic).ToList();
            var repo = new RepositoryDirectory(parse.GetValue(dir)!, TimeProvider.System);
            repo.Init(keys, thresholds.ToDictionary(t => t.Key, t => parse.GetValue(t.Value)), signers);
            Console.Out.WriteLine($"initialised {parse.GetValue(dir)}: root version 1, consistent snapshots");
        }));
        return command;
    }

    private static Command SignCommand()
    {
        var image = new Argument<string>("image") { Description = "REGISTRY/REPOSITORY:TAG@sha256:DIGEST" };
        var dir = new Option<string>("--dir") { Description = "TUF repository directory (TUF signing)" };
        var key = new Option<string>("--key") { Description = "signing key file (with --cert: the certificate's PEM private key)", Required = true };
        var manifest = new Option<string>("--manifest") { Description = "TUF signing: the image manifest file (its sha256 must equal DIGEST)" };
        var role = new Option<string>("--role")
        {
            Description = "targets role to sign into (when it delegates to hash bins and the key signs the bins: the image's bin)",
            DefaultValueFactory = _ => RoleNames.Targets,
        };
        var registry = new Option<bool>("--registry") { Description = "sign in the registry beside the image (sha256-HEX.sig, cosign's layout) instead of a TUF repository" };
        var cert = new Option<string>("--cert") { Description = "with --registry: X.509 signer certificate PEM (leaf first, then intermediates); makes a CMS signature" };
        var command = new Command("sign", "Add (or co-sign) an image: a TUF target, or (--registry) a signature stored beside the image");
        command.Arguments.Add(image);
        foreach (var o in new Option[] { dir, key, manifest, role, registry, cert }) command.Options.Add(o);
        command.SetAction((parse, ct) => RunAsync(async () =>
        {
            var reference = ParseImage(parse.GetValue(image)!);
            if (reference.Digest is null) throw new TrustVerificationException(TrustFailureReason.HashMismatch, "sign needs IMAGE@sha256:DIGEST");
            if (parse.GetValue(registry))
            {
                if (parse.GetValue(dir) is not null || parse.GetValue(manifest) is not null)
                    throw new TrustVerificationException(TrustFailureReason.LocalState, "--registry signs in the registry: --dir and --manifest do not apply");
                await RegistrySigning.SignAsync(reference, parse.GetValue(key)!, parse.GetValue(cert), LoadPrivate, ct);
                return;
            }
            if (parse.GetValue(cert) is not null) throw new TrustVerificationException(TrustFailureReason.LocalState, "--cert needs --registry");
            string repoDir = parse.GetValue(dir) ?? throw new TrustVerificationException(TrustFailureReason.LocalState, "TUF signing needs --dir (or sign with --registry)");
            string manifestFile = parse.GetValue(manifest) ?? throw new TrustVerificationException(TrustFailureReason.LocalState, "TUF signing needs --manifest");
            byte[] bytes = File.ReadAllBytes(manifestFile);
            string actual = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            if (actual != reference.Digest)
                throw new TrustVerificationException(TrustFailureReason.HashMismatch, $"manifest is {actual}, reference names {reference.Digest}");
            var repo = new RepositoryDirectory(repoDir, TimeProvider.System);
            var signer = LoadPrivate(parse.GetValue(key)!);
            // A key that signs the role's succinct hash bins, not the role itself, signs into the target's bin.
            string into = repo.RoleForSigning(reference.TargetName, parse.GetValue(role)!, signer.KeyId);
            var target = repo.AddTarget(reference.TargetName, bytes, signer, into);
            Console.Out.WriteLine($"signed {target.Path} -> {reference.Digest} ({target.Length} bytes) in role {into}");
        }));
        return command;
    }

    private static Command PublishCommand()
    {
        var dir = DirOption();
        var output = new Option<string>("--out") { Description = "directory to serve (default REPO/public)" };
        var snapshot = KeysOption("--snapshot-key", "snapshot private key file(s)", required: true);
        var timestamp = KeysOption("--timestamp-key", "timestamp private key file(s)", required: true);
        var command = new Command("publish", "Sign snapshot and timestamp and write a consistent-snapshot tree for a static web server");
        command.Options.Add(dir);
        command.Options.Add(output);
        command.Options.Add(snapshot);
        command.Options.Add(timestamp);
        command.SetAction(parse => Run(() =>
        {
            string repoDir = parse.GetValue(dir)!;
            string outDir = parse.GetValue(output) ?? Path.Combine(repoDir, "public");
            new RepositoryDirectory(repoDir, TimeProvider.System).Publish(outDir,
                parse.GetValue(snapshot)!.Select(LoadPrivate).ToList(), parse.GetValue(timestamp)!.Select(LoadPrivate).ToList());
            Console.Out.WriteLine($"published to {outDir}");
        }));
        return command;
    }

    private static Command RotateCommand()
    {
        var dir = DirOption();
        var role = new Option<string>("--role") { Description = "root, targets, snapshot or timestamp", Required = true };
        role.AcceptOnlyFromAmong(RoleNames.Root, RoleNames.Targets, RoleNames.Snapshot, RoleNames.Timestamp);
        var newKeys = KeysOption("--new-key", "the role's new key file(s) (public or private)", required: true);
        var threshold = new Option<int>("--threshold") { Description = "the role's new threshold", DefaultValueFactory = _ => 1 };
        var rootKeys = KeysOption("--root-key", "root private keys meeting the old and the new root threshold", required: true);
        var resign = new Option<string>("--resign-key") { Description = "for --role targets: new targets key to re-sign the staged targets" };
        var command = new Command("rotate", "Change a role's keys with a new root version signed by old and new root keys");
        foreach (var o in new Option[] { dir, role, newKeys, threshold, rootKeys, resign }) command.Options.Add(o);
        command.SetAction(parse => Run(() =>
        {
            var repo = new RepositoryDirectory(parse.GetValue(dir)!, TimeProvider.System);
            var rotation = repo.StageRootRotation(parse.GetValue(role)!, parse.GetValue(newKeys)!.Select(KeyFile.ReadPublic).ToList(),
                parse.GetValue(threshold), parse.GetValue(rootKeys)!.Select(LoadPrivate).ToList());
            if (rotation.Complete && parse.GetValue(resign) is { } resignKey) repo.SignRole(RoleNames.Targets, LoadPrivate(resignKey));
            ReportRotation(rotation);
        }));
        return command;
    }

    private static Command SignRootCommand()
    {
        var dir = DirOption();
        var key = new Option<string>("--key") { Description = "root private key (old or new) to add to the pending root", Required = true };
        var resign = new Option<string>("--resign-key") { Description = "once complete: new targets key to re-sign the staged targets" };
        var command = new Command("sign-root", "Co-sign a pending root rotation (root thresholds met in turn)");
        command.Options.Add(dir);
        command.Options.Add(key);
        command.Options.Add(resign);
        command.SetAction(parse => Run(() =>
        {
            var repo = new RepositoryDirectory(parse.GetValue(dir)!, TimeProvider.System);
            var rotation = repo.SignPendingRoot(LoadPrivate(parse.GetValue(key)!));
            if (rotation.Complete && parse.GetValue(resign) is { } resignKey) repo.SignRole(RoleNames.Targets, LoadPrivate(resignKey));
            ReportRotation(rotation);
        }));
        return command;
    }

    private static void ReportRotation(RootRotation rotation) => Console.Out.WriteLine(rotation.Complete
        ? $"root version {rotation.Version} is in place; run 'hctr trust publish'"
        : $"root version {rotation.Version} is pending: {rotation.Missing}; more root keys must run 'hctr trust sign-root'");

    private static Command VerifyCommand()
    {
        var image = new Argument<string>("image") { Description = "REGISTRY/REPOSITORY:TAG[@sha256:DIGEST]" };
        var url = new Option<string>("--metadata-url") { Description = "TUF metadata base URL", Required = true };
        var store = new Option<string>("--metadata-dir") { Description = "local trusted metadata (holds root.json)", Required = true };
        var root = new Option<string>("--root") { Description = "trust this root.json when the metadata dir has none" };
        var manifest = new Option<string>("--manifest") { Description = "also check these manifest bytes against the target" };
        var command = new Command("verify", "Resolve an image tag through TUF to its one trusted manifest digest");
        command.Arguments.Add(image);
        foreach (var o in new Option[] { url, store, root, manifest }) command.Options.Add(o);
        command.SetAction((parse, ct) => RunAsync(async () =>
        {
            var reference = ParseImage(parse.GetValue(image)!);
            var metadata = new FileMetadataStore(parse.GetValue(store)!);
            if (metadata.TryRead("root.json") is null && parse.GetValue(root) is { } rootFile)
            {
                byte[] rootBytes = File.ReadAllBytes(rootFile);
                _ = new TrustedMetadataSet(rootBytes, TimeProvider.System);
                metadata.Write("root.json", rootBytes);
            }
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
            var updater = new Updater(metadata, new HttpMetadataFetcher(http), new Uri(parse.GetValue(url)!), TimeProvider.System);
            // Typed on purpose: a null byte[] would silently convert to an empty ReadOnlyMemory.
            ReadOnlyMemory<byte>? manifestBytes = null;
            if (parse.GetValue(manifest) is { } manifestFile) manifestBytes = File.ReadAllBytes(manifestFile);
            var result = await ImageVerifier.VerifyAsync(updater, reference, manifestBytes, ct);
            Console.Out.WriteLine($"trusted {result.TargetName}");
            Console.Out.WriteLine($"digest  {result.Digest} ({result.Length} bytes)");
            Console.Out.WriteLine($"role    {string.Join(" -> ", result.RolePath)}");
            Console.Out.WriteLine($"keys    {string.Join(", ", result.SignerKeyIds)}");
        }));
        return command;
    }

    private static Command PolicyCommand()
    {
        var image = new Argument<string>("image") { Description = "REGISTRY/REPOSITORY:TAG[@sha256:DIGEST]" };
        var profile = new Option<string>("--profile") { Description = "security profile file (name = file name, digest = `hctr profile digest`: its content with every base it extends)", Required = true };
        var policyFile = new Option<string>("--policy") { Description = "trust policy", DefaultValueFactory = _ => "/etc/hctr/trust-policy.yaml" };
        var cache = new Option<string>("--cache-dir") { Description = "trusted metadata cache", DefaultValueFactory = _ => "/var/lib/hctr/trust" };
        var check = new Command("check", "May IMAGE run under PROFILE? Answers yes or no with the reason (runs the rule's verification: tuf, cosign or x509)");
        check.Arguments.Add(image);
        foreach (var o in new Option[] { profile, policyFile, cache }) check.Options.Add(o);
        check.SetAction((parse, ct) => RunAsync(async () =>
        {
            var reference = ParseImage(parse.GetValue(image)!);
            string policyPath = parse.GetValue(policyFile)!;
            var policy = TrustComposition.LoadPolicy(policyPath);
            string profilePath = parse.GetValue(profile)!;
            string profileName = Path.GetFileNameWithoutExtension(profilePath);
            // The pin covers the whole extends: chain (ProfileLoader.ChainDigest); a profile with errors is refused.
            var loaded = Hctr.Policy.Loading.ProfileLoader.Load(profilePath, new Hctr.Engine.Profiles.FileProfileSource());
            if (loaded.Profile is null)
            {
                foreach (var d in loaded.Diagnostics) Console.Error.WriteLine(d.Render());
                throw new TrustVerificationException(TrustFailureReason.PolicyRefused, $"profile {profilePath} does not load");
            }
            string profileDigest = loaded.Digest;
            var decision = policy.Check(reference, profileName, profileDigest);
            if (decision is { Allowed: true, Rule: { Unverified: false } rule })
                decision = await TrustComposition.VerifyAsync(rule, reference, policyPath, parse.GetValue(cache)!, ct);
            Console.Out.WriteLine($"{(decision.Allowed ? "yes" : "no")}: {decision.Code}: {decision.Reason}");
            if (decision.Mechanism is { } mechanism)
                Console.Out.WriteLine($"mechanism {Hctr.Trust.Signatures.SignatureVerification.MechanismName(mechanism)}");
            if (decision.Count is { } count) Console.Out.WriteLine($"signers {count}{(decision.Threshold is { } t ? $" (threshold {t})" : "")}: {string.Join(", ", decision.Signers)}");
            if (!decision.Allowed) throw new TrustVerificationException(TrustFailureReason.PolicyRefused, $"policy refuses {reference} under '{profileName}'");
        }));
        var command = new Command("policy", "Trust policy: which images may run under which profiles");
        command.Subcommands.Add(check);
        return command;
    }

    private static Option<string> DirOption() => new("--dir") { Description = "repository directory", Required = true };

    private static Option<string[]> KeysOption(string name, string description, bool required) =>
        new(name) { Description = description + " (repeat for several)", Required = required, AllowMultipleArgumentsPerToken = false };

    private static ImageReference ParseImage(string text) =>
        ImageReference.TryParse(text, out var reference, out string? error)
            ? reference!
            : throw new TrustVerificationException(TrustFailureReason.Malformed, error!);

    internal static SigningKey LoadPrivate(string path) => KeyFile.ReadPrivate(path, Passphrase(path, confirm: false));

    private static string Passphrase(string keyPath, bool confirm)
    {
        if (Environment.GetEnvironmentVariable(PassphraseVariable) is { Length: > 0 } fromEnv) return fromEnv;
        if (Console.IsInputRedirected)
            throw new TrustVerificationException(TrustFailureReason.LocalState, $"set {PassphraseVariable} (no terminal to prompt for the passphrase of {keyPath})");
        string first = Prompt($"passphrase for {keyPath}: ");
        if (confirm && Prompt("again: ") != first)
            throw new TrustVerificationException(TrustFailureReason.LocalState, "passphrases differ");
        if (first.Length == 0) throw new TrustVerificationException(TrustFailureReason.LocalState, "empty passphrase");
        return first;
    }

    private static string Prompt(string text)
    {
        Console.Error.Write(text);
        var buffer = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && buffer.Length > 0) buffer.Length--;
            else if (!char.IsControl(key.KeyChar)) buffer.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return buffer.ToString();
    }

    private static int Run(Action action) => RunAsync(() =>
    {
        action();
        return Task.CompletedTask;
    }).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (TrustVerificationException e)
        {
            Console.Error.WriteLine($"hctr trust: refused ({e.Reason}): {e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"hctr trust: {e.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"hctr trust: {e.Message}");
            return 1;
        }
        catch (Hctr.Engine.Images.Registry.RegistryException e)
        {
            Console.Error.WriteLine($"hctr trust: registry ({e.Reason}): {e.Message}");
            return 1;
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            Console.Error.WriteLine($"hctr trust: {e.Message}");
            return 1;
        }
    }
}
