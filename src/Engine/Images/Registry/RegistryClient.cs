using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace Hctr.Engine.Images.Registry;

/// <summary>
/// A client for the OCI distribution API. This file: transport, TLS and authentication (bearer token or basic,
/// retried once after a 401 challenge). Pulling and pushing live in the other parts of this partial class.
/// Every response body read into memory has an explicit cap; blob bodies are streamed to the caller, who caps them.
/// </summary>
public sealed partial class RegistryClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly RegistryOptions _options;
    private readonly Dictionary<string, AuthenticationHeaderValue> _auth = [];
    private readonly Lock _authLock = new();

    public RegistryClient(RegistryOptions options, HttpMessageHandler? handler = null)
    {
        _options = options;
        _http = new HttpClient(handler ?? CreateHandler(options), disposeHandler: true) { Timeout = options.Timeout };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("hctr/0.1");
    }

    public RegistryOptions Options => _options;

    public void Dispose() => _http.Dispose();

    /// <summary>The handler hctr uses: redirects followed (never https to http), extra CAs trusted when configured.</summary>
    public static SocketsHttpHandler CreateHandler(RegistryOptions options)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 5, AutomaticDecompression = DecompressionMethods.None };
        if (options.CaCertificatesPem is { } pem)
        {
            var extra = new X509Certificate2Collection();
            extra.ImportFromPem(pem);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, chain, errors) =>
            {
                if (errors == SslPolicyErrors.None) return true;
                if (cert is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
                using var custom = new X509Chain();
                custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                custom.ChainPolicy.CustomTrustStore.AddRange(extra);
                custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                if (chain is not null) custom.ChainPolicy.ExtraStore.AddRange(chain.ChainElements.Select(e => e.Certificate).ToArray());
                return custom.Build(new X509Certificate2(cert));
            };
        }
        return handler;
    }

    private Uri BaseUri(ImageLocation location) =>
        new($"{(_options.IsInsecure(location.Host) ? "http" : "https")}://{location.Host}/v2/{location.Repository}/");

    /// <summary>Sends, answering one 401 challenge; <paramref name="build"/> is called again for the retry.</summary>
    private async Task<HttpResponseMessage> SendAsync(ImageLocation location, string actions, Func<HttpRequestMessage> build,
        HttpCompletionOption completion, CancellationToken ct)
    {
        string key = $"{location.Host}|{location.Repository}|{actions}";
        for (int attempt = 0; ; attempt++)
        {
            var request = build();
            lock (_authLock)
            {
                if (_auth.TryGetValue(key, out var header)) request.Headers.Authorization = header;
            }
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, completion, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new RegistryException(RegistryFailureReason.Network, $"{location.Host}: {e.Message}", e);
            }
            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt > 0) return response;
            var challenge = response.Headers.WwwAuthenticate.FirstOrDefault();
            response.Dispose();
            var answer = await AnswerChallengeAsync(location, actions, challenge, ct).ConfigureAwait(false);
            lock (_authLock)
            {
                _auth[key] = answer;
            }
        }
    }

    private async Task<AuthenticationHeaderValue> AnswerChallengeAsync(ImageLocation location, string actions,
        AuthenticationHeaderValue? challenge, CancellationToken ct)
    {
        bool haveCreds = _options.Credentials.TryGet(location.Host, out string user, out string password);
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        if (challenge is null || challenge.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return haveCreds ? basic
                : throw new RegistryException(RegistryFailureReason.Unauthorized, $"{location.Host} requires credentials (add them to config.json auths)");
        }
        if (!challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            throw new RegistryException(RegistryFailureReason.Unauthorized, $"{location.Host}: unsupported auth scheme {challenge.Scheme}");
        var p = ChallengeParameters(challenge.Parameter ?? "");
        if (!p.TryGetValue("realm", out string? realm) || !Uri.TryCreate(realm, UriKind.Absolute, out var realmUri))
            throw new RegistryException(RegistryFailureReason.Unauthorized, $"{location.Host}: bearer challenge without a realm");
        if (realmUri.Scheme != "https" && !_options.IsInsecure(realmUri.Authority))
            throw new RegistryException(RegistryFailureReason.InsecureTransportRefused, $"token realm {realm} is plain HTTP and not listed insecure");
        string scope = p.TryGetValue("scope", out string? s) ? s : $"repository:{location.Repository}:{actions}";
        var query = new StringBuilder($"?scope={Uri.EscapeDataString(scope)}");
        if (p.TryGetValue("service", out string? service)) query.Append($"&service={Uri.EscapeDataString(service)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(realmUri, realmUri.AbsolutePath + query));
        if (haveCreds) request.Headers.Authorization = basic;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new RegistryException(RegistryFailureReason.Unauthorized, $"token endpoint {realmUri.Authority} answered {(int)response.StatusCode}");
        byte[] body = await ReadCappedAsync(response, _options.MaxTokenBytes, "token response", ct).ConfigureAwait(false);
        var json = JsonNode.Parse(body);
        string token = json?["token"]?.GetValue<string>() ?? json?["access_token"]?.GetValue<string>()
            ?? throw new RegistryException(RegistryFailureReason.Unauthorized, "token response has no token");
        return new AuthenticationHeaderValue("Bearer", token);
    }

    private static Dictionary<string, string> ChallengeParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int i = 0;
        while (i < text.Length)
        {
            int eq = text.IndexOf('=', i);
            if (eq < 0) break;
            string name = text[i..eq].Trim(' ', ',');
            int start = eq + 1;
            string value;
            if (start < text.Length && text[start] == '"')
            {
                int end = text.IndexOf('"', start + 1);
                if (end < 0) end = text.Length;
                value = text[(start + 1)..end];
                i = end + 1;
            }
            else
            {
                int end = text.IndexOf(',', start);
                if (end < 0) end = text.Length;
                value = text[start..end];
                i = end;
            }
            result[name] = value;
        }
        return result;
    }

    /// <summary>Reads a whole body, refusing it as soon as it passes <paramref name="cap"/> bytes.</summary>
    internal static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, long cap, string what, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength is long declared && declared > cap)
            throw new RegistryException(RegistryFailureReason.TooLarge, $"{what} is {declared} bytes, over the {cap}-byte cap");
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > cap) throw new RegistryException(RegistryFailureReason.TooLarge, $"{what} exceeds the {cap}-byte cap");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static RegistryException StatusError(HttpResponseMessage response, string what) => response.StatusCode switch
    {
        HttpStatusCode.NotFound => new(RegistryFailureReason.NotFound, $"{what}: not found"),
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new(RegistryFailureReason.Unauthorized, $"{what}: access denied ({(int)response.StatusCode})"),
        _ => new(RegistryFailureReason.Protocol, $"{what}: registry answered {(int)response.StatusCode} {response.ReasonPhrase}"),
    };
}
