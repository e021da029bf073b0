using System.Net;
using System.Text;
using Hctr.Engine.Images.Registry;
using Xunit;

namespace Hctr.Engine.Tests.Images;

/// <summary>Auth, transport choice and caps, against an in-memory registry simulator (a real token server is not practical here).</summary>
[Trait("Category", "Unit")]
public sealed class RegistryClientTests
{
    private static readonly byte[] Manifest = Encoding.UTF8.GetBytes("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"x","digest":"sha256:0000000000000000000000000000000000000000000000000000000000000000","size":1},"layers":[]}""");

    /// <summary>Answers like a registry behind a token service (bearer) or with basic auth.</summary>
    private sealed class Simulator(string scheme, long manifestSize = -1) : HttpMessageHandler
    {
        public List<string> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            string auth = request.Headers.Authorization?.ToString() ?? "";
            Seen.Add($"{request.Method} {request.RequestUri} [{auth}]");
            string basic = "Basic " + Convert.ToBase64String("alice:s3cret"u8.ToArray());
            if (request.RequestUri!.Host == "auth.example")
            {
                return Task.FromResult(auth == basic && request.RequestUri.Query.Contains("scope=repository%3Ateam%2Fweb%3Apull")
                    ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"token":"tok-123"}""") }
                    : new HttpResponseMessage(HttpStatusCode.Unauthorized));
            }
            bool ok = scheme == "Bearer" ? auth == "Bearer tok-123" : auth == basic;
            if (!ok)
            {
                var denied = new HttpResponseMessage(HttpStatusCode.Unauthorized);
                denied.Headers.TryAddWithoutValidation("WWW-Authenticate", scheme == "Bearer"
                    ? "Bearer realm=\"https://auth.example/token\",service=\"reg.example\",scope=\"repository:team/web:pull\""
                    : "Basic realm=\"registry\"");
                return Task.FromResult(denied);
            }
            byte[] body = manifestSize < 0 ? Manifest : new byte[manifestSize];
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(request.Method == HttpMethod.Head ? [] : body) };
            response.Content.Headers.ContentType = new("application/vnd.oci.image.manifest.v1+json");
            if (request.Method == HttpMethod.Head) response.Content.Headers.ContentLength = body.Length;
            response.Headers.TryAddWithoutValidation("Docker-Content-Digest", Digests.Of(body));
            return Task.FromResult(response);
        }
    }

    private static RegistryCredentials Alice() => RegistryCredentials.FromDockerConfig(
        """{"auths":{"https://reg.example/v1/":{"auth":"AUTH"}}}""".Replace("AUTH", Convert.ToBase64String("alice:s3cret"u8.ToArray())));

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Basic")]
    public async Task Answers_the_challenge_with_config_json_credentials(string scheme)
    {
        var sim = new Simulator(scheme);
        using var client = new RegistryClient(new RegistryOptions { Credentials = Alice() }, sim);
        var r = await client.ResolveAsync(new ImageLocation("reg.example", "team/web"), "1.0");
        Assert.Equal(Digests.Of(Manifest), r.Digest);
        Assert.StartsWith("HEAD https://reg.example/v2/team/web/manifests/1.0", sim.Seen[0]);
        var (bytes, _) = await client.GetManifestAsync(new ImageLocation("reg.example", "team/web"), r.Digest, r.Size);
        Assert.Equal(Manifest, bytes);
        Assert.Equal(scheme == "Bearer" ? 4 : 3, sim.Seen.Count); // one challenge, then the cached answer
    }

    [Fact]
    public async Task Missing_credentials_are_a_typed_refusal()
    {
        using var client = new RegistryClient(new RegistryOptions(), new Simulator("Basic"));
        var e = await Assert.ThrowsAsync<RegistryException>(() => client.ResolveAsync(new ImageLocation("reg.example", "team/web"), "1.0"));
        Assert.Equal(RegistryFailureReason.Unauthorized, e.Reason);
    }

    [Fact]
    public async Task Loopback_is_plain_http_everything_else_https()
    {
        var sim = new Simulator("Basic");
        using var client = new RegistryClient(new RegistryOptions { Credentials = RegistryCredentials.For("127.0.0.1:5000", "alice", "s3cret") }, sim);
        await client.ResolveAsync(new ImageLocation("127.0.0.1:5000", "team/web"), "1.0");
        Assert.StartsWith("HEAD http://127.0.0.1:5000/v2/", sim.Seen[0]);
        Assert.False(new RegistryOptions().IsInsecure("registry.example:5000"));
        Assert.True(new RegistryOptions().IsInsecure("localhost:5000"));
    }

    [Fact]
    public async Task Manifests_over_the_cap_are_refused()
    {
        using var client = new RegistryClient(new RegistryOptions { Credentials = Alice() }, new Simulator("Bearer", 5 << 20));
        var e = await Assert.ThrowsAsync<RegistryException>(() => client.ResolveAsync(new ImageLocation("reg.example", "team/web"), "big"));
        Assert.Equal(RegistryFailureReason.TooLarge, e.Reason);
    }

    [Fact]
    public void Index_platform_selection_and_errors()
    {
        string d = "sha256:" + new string('a', 64);
        var index = ImageIndex.Parse(Encoding.UTF8.GetBytes("""{"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"DIGEST","size":1,"platform":{"os":"linux","architecture":"arm64","variant":"v8"}}]}""".Replace("DIGEST", d)));
        Assert.Equal(d, index.Select(new Platform("linux", "arm64")).Digest);
        Assert.Equal(RegistryFailureReason.NoMatchingPlatform, Assert.Throws<RegistryException>(() => index.Select(Platform.Default)).Reason);
        Assert.Equal(RegistryFailureReason.Protocol, Assert.Throws<RegistryException>(() => ImageIndex.Parse("""{"manifests":[{"digest":"md5:1","size":1}]}"""u8)).Reason);
    }
}
