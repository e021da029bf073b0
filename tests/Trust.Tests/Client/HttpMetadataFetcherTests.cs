using Hctr.Trust.Client;
using Hctr.Trust.Tests.Simulator;
using Xunit;

namespace Hctr.Trust.Tests.Client;

[Trait("Category", "E2E")]
public sealed class HttpMetadataFetcherTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-fetch-").FullName;

    [Fact]
    public async Task EndlessData_OverHttp_IsCutAtTheCap_AndMissingIsNotFound()
    {
        File.WriteAllBytes(Path.Combine(_dir, "big.json"), new byte[1 << 20]);
        File.WriteAllBytes(Path.Combine(_dir, "small.json"), "{}"u8.ToArray());
        using var server = new StaticHttpServer(_dir);
        using var http = new HttpClient();
        var fetcher = new HttpMetadataFetcher(http);

        Assert.Equal("{}"u8.ToArray(), await fetcher.FetchAsync(new Uri(server.BaseUrl, "small.json"), 2, CancellationToken.None));
        var big = await Assert.ThrowsAsync<TrustVerificationException>(() => fetcher.FetchAsync(new Uri(server.BaseUrl, "big.json"), 16_384, CancellationToken.None));
        Assert.Equal(TrustFailureReason.SizeCapExceeded, big.Reason);
        var missing = await Assert.ThrowsAsync<TrustVerificationException>(() => fetcher.FetchAsync(new Uri(server.BaseUrl, "nope.json"), 10, CancellationToken.None));
        Assert.Equal(TrustFailureReason.NotFound, missing.Reason);
        var refused = await Assert.ThrowsAsync<TrustVerificationException>(() => fetcher.FetchAsync(new Uri("http://127.0.0.1:1/x"), 10, CancellationToken.None));
        Assert.Equal(TrustFailureReason.FetchFailed, refused.Reason);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
