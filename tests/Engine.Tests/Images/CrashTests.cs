using System.Diagnostics;
using Hctr.Engine.Images;
using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;
using Hctr.Trust.Images;
using Xunit;
using Xunit.Abstractions;

namespace Hctr.Engine.Tests.Images;

/// <summary>SIGKILL of a real <c>hctr pull</c> process mid-download, then a pull that succeeds by resuming.
/// Needs a built hctr with the image commands (bin/hctr from scripts/setup.sh, or the Debug build).</summary>
[Trait("Category", "E2E")]
public sealed class CrashTests(RegistryFixture registry, ITestOutputHelper output) : IClassFixture<RegistryFixture>
{
    private static string? FindHctr()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (!File.Exists(Path.Combine(d.FullName, "Hardened.sln"))) continue;
            foreach (string candidate in new[] { "bin/hctr", "src/Cli/bin/Debug/net10.0/linux-x64/hctr", "src/Cli/bin/Release/net10.0/linux-x64/hctr" })
            {
                string path = Path.Combine(d.FullName, candidate);
                if (File.Exists(path) && HasPull(path)) return path;
            }
            return null;
        }
        return null;
    }

    private static bool HasPull(string hctr)
    {
        using var p = Process.Start(new ProcessStartInfo(hctr, ["pull", "--help"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string help = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 && help.Contains("--insecure-skip-verify-unsafe", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigkill_mid_pull_leaves_the_store_consistent_and_the_next_pull_resumes()
    {
        string? hctr = FindHctr();
        if (hctr is null)
        {
            output.WriteLine("SKIPPED IN EFFECT: no built hctr with `pull` (run scripts/setup.sh --no-demo)");
            return;
        }
        var random = new byte[48 << 20];
        Random.Shared.NextBytes(random);
        var layer = LayerBuilder.Gzip(new LayerBuilder().File("noise", random).Tar());
        var image = TestImage.Create("amd64", layer);
        Assert.True(ImageReference.TryParse($"{registry.Host}/crash/me:1", out var reference, out _));
        using (var client = new RegistryClient(new RegistryOptions())) await image.PushAsync(client, ImageLocation.Of(reference!), "1");
        string digest = Digests.Of(layer);

        string root = Directory.CreateTempSubdirectory("hctr-crash-").FullName;
        try
        {
            var store = new ContentStore(root);
            long killedAt = 0;
            for (int attempt = 0; attempt < 5 && killedAt == 0; attempt++)
            {
                using var pull = Process.Start(new ProcessStartInfo(hctr, ["pull", "--quiet", "--insecure-skip-verify-unsafe", "--root", root, reference!.ToString()])
                    { RedirectStandardOutput = true, RedirectStandardError = true })!;
                var watch = Stopwatch.StartNew();
                while (!pull.HasExited && watch.Elapsed < TimeSpan.FromSeconds(30))
                {
                    if (File.Exists(store.PartialPath(digest)) && new FileInfo(store.PartialPath(digest)).Length > 0)
                    {
                        pull.Kill(); // SIGKILL on Unix
                        pull.WaitForExit();
                        killedAt = new FileInfo(store.PartialPath(digest)).Length;
                        break;
                    }
                    Thread.Sleep(1);
                }
                if (killedAt == 0)
                {
                    pull.WaitForExit();
                    output.WriteLine($"attempt {attempt}: exit {pull.ExitCode}: {pull.StandardError.ReadToEnd()}");
                    Directory.Delete(root, recursive: true);
                    Directory.CreateDirectory(root);
                }
            }
            Assert.True(killedAt > 0, "the pull finished before it could be killed five times");
            output.WriteLine($"killed with {killedAt} of {layer.Length} bytes in the partial");
            Assert.False(store.HasBlob(digest));
            Assert.Empty(store.Refs.List());

            var counting = new CountingHandler();
            using var resumed = new RegistryClient(new RegistryOptions(), counting);
            var result = await new ImagePuller(resumed, store, new TrustDouble(true)).PullAsync(reference!, new PullOptions());
            Assert.Equal(image.Digest, result.Record.Digest);
            Assert.True(store.HasBlob(digest));
            Assert.Equal(48 << 20, new FileInfo(Path.Combine(store.LayerPath(digest), "noise")).Length);
            Assert.Contains(counting.Requests, r => r.Contains($"blobs/{digest}") && r.Contains("bytes="));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
