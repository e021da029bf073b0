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
    private readonly bool _tls;

    public RegistryFixture()
        : this(null, null)
    {
    }

    /// <summary>With a certificate and key (PEM files) the registry serves HTTPS.</summary>
    internal RegistryFixture(string? tlsCertificate, string? tlsKey)
    {
        _tls = tlsCertificate is not null;
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
        Settle();
        return Log.Count(l => l.Contains($"/v2/{repository}/blobs/sha256:", StringComparison.Ordinal));
    }

    /// <summary>Waits until the log holds the lines of every request that was answered before this call.
    /// The registry writes its access log line after the response, and this process reads the registry's output
    /// on another thread, so a fixed sleep is not enough on a loaded machine: this sends one request to a path
    /// nobody else uses and waits (up to a minute) until its line is read.</summary>
    public void Settle()
    {
        string marker = "hctr-settle-" + Guid.NewGuid().ToString("N");
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
        string scheme = _tls ? "https" : "http";
        using (var response = http.GetAsync($"{scheme}://127.0.0.1:{Port}/v2/{marker}/tags/list").Result)
        {
        }
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!Log.Any(l => l.Contains(marker, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the registry did not log the request for {marker} within a minute");
            Thread.Sleep(20);
        }
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
