using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hctr.Engine.Tests.Images;

/// <summary>A real registry (Debian's docker-registry) on 127.0.0.1 and a free port, storage in a temp dir, stopped at the end.
/// Its request log is kept so tests can count what reached it.</summary>
public sealed class RegistryFixture : IDisposable
{
    private readonly Process _process;

    public RegistryFixture()
        : this(null, null)
    {
    }

    /// <summary>With a certificate and key (PEM files) the registry serves HTTPS.</summary>
    internal RegistryFixture(string? tlsCertificate, string? tlsKey)
    {
        StorageDir = Directory.CreateTempSubdirectory("hctr-registry-").FullName;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        string config = Path.Combine(StorageDir, "config.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: info
              accesslog:
                disabled: false
            storage:
              filesystem:
                rootdirectory: {StorageDir}/data
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{Port}
            """ + (tlsCertificate is null ? "" : $"\n  tls:\n    certificate: {tlsCertificate}\n    key: {tlsKey}\n"));
        var start = new ProcessStartInfo("docker-registry", ["serve", config]) { RedirectStandardError = true, RedirectStandardOutput = true };
        _process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start");
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Log.Enqueue(e.Data); };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) Log.Enqueue(e.Data); };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        // The readiness probe only: the code under test verifies certificates.
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
        string scheme = tlsCertificate is null ? "http" : "https";
        for (int i = 0; i < 200; i++)
        {
            try
            {
                if (http.GetAsync($"{scheme}://127.0.0.1:{Port}/v2/").Result.IsSuccessStatusCode) return;
            }
            catch (AggregateException)
            {
            }
            Thread.Sleep(50);
        }
        throw new InvalidOperationException("docker-registry did not become ready:\n" + string.Join('\n', Log));
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    public string StorageDir { get; }

    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Requests the registry logged for blobs of <paramref name="repository"/> (GET or HEAD).</summary>
    public int BlobRequests(string repository)
    {
        Thread.Sleep(300); // the access log is written after the response
        return Log.Count(l => l.Contains($"/v2/{repository}/blobs/sha256:", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        Directory.Delete(StorageDir, recursive: true);
    }
}
