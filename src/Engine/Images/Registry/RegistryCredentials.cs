using System.Text;
using System.Text.Json.Nodes;

namespace Hctr.Engine.Images.Registry;

/// <summary>Username/password per registry host, read from a docker-style <c>config.json</c> (<c>auths.HOST.auth</c> = base64 user:pass).</summary>
public sealed class RegistryCredentials
{
    private readonly Dictionary<string, (string User, string Password)> _byHost;

    private RegistryCredentials(Dictionary<string, (string, string)> byHost) => _byHost = byHost;

    public static RegistryCredentials None { get; } = new([]);

    public static RegistryCredentials FromDockerConfig(string json)
    {
        var map = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        if (JsonNode.Parse(json)?["auths"] is not JsonObject auths) return new RegistryCredentials(map);
        foreach (var (key, value) in auths)
        {
            string? encoded = value?["auth"]?.GetValue<string>();
            string? user = value?["username"]?.GetValue<string>();
            string? pass = value?["password"]?.GetValue<string>();
            if (encoded is not null)
            {
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                int colon = decoded.IndexOf(':');
                if (colon <= 0) throw new RegistryException(RegistryFailureReason.Unauthorized, $"config.json auths.{key}.auth is not base64 user:password");
                (user, pass) = (decoded[..colon], decoded[(colon + 1)..]);
            }
            if (user is not null && pass is not null) map[HostOf(key)] = (user, pass);
        }
        return new RegistryCredentials(map);
    }

    public static RegistryCredentials For(string host, string user, string password) =>
        new(new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase) { [host] = (user, password) });

    public bool TryGet(string host, out string user, out string password)
    {
        bool found = _byHost.TryGetValue(host, out var c);
        (user, password) = found ? c : ("", "");
        return found;
    }

    /// <summary>Keys may be <c>https://host/v1/</c> (docker's habit) or a bare host.</summary>
    private static string HostOf(string key)
    {
        string k = key.Contains("://", StringComparison.Ordinal) ? key[(key.IndexOf("://", StringComparison.Ordinal) + 3)..] : key;
        int slash = k.IndexOf('/');
        return slash < 0 ? k : k[..slash];
    }
}
