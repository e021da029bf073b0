using Hctr.Trust.Signatures;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hctr.Trust.Policies;

/// <summary>
/// Parses <c>trust-policy.yaml</c> text. Pure (text plus a source name). Unknown keys, anchors/aliases,
/// duplicate keys and wrong types are errors reported as <c>source:line:column</c>
/// (<see cref="TrustFailureReason.Malformed"/>).
/// </summary>
public static class TrustPolicyParser
{
    public static TrustPolicy Parse(string text, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw Error(sourceName, e.Start, e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet's scanner throws these on some malformed input (found by MetadataMutationTests).
            throw Error(sourceName, Mark.Empty, $"invalid YAML: {e.Message}");
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode top)
            throw Error(sourceName, Mark.Empty, "expected one YAML document holding a mapping");
        var fields = Fields(top, sourceName, "version", "default", "images");
        if (Scalar(fields, "version", sourceName, required: true) != "1")
            throw Error(sourceName, fields["version"].Start, "version must be 1");
        var defaultAction = Scalar(fields, "default", sourceName, required: false) switch
        {
            null or "refuse" => DefaultAction.Refuse,
            "allow-unverified-unsafe" => DefaultAction.AllowUnverifiedUnsafe,
            var other => throw Error(sourceName, fields["default"].Start, $"default must be refuse or allow-unverified-unsafe, not '{other}'"),
        };
        var rules = new List<ImageRule>();
        if (fields.TryGetValue("images", out var imagesNode))
        {
            if (imagesNode is not YamlSequenceNode images) throw Error(sourceName, imagesNode.Start, "images must be a list");
            foreach (var item in images) rules.Add(ParseRule(item, sourceName));
        }
        return new TrustPolicy(rules, defaultAction);
    }

    private static ImageRule ParseRule(YamlNode node, string source)
    {
        if (node is not YamlMappingNode map) throw Error(source, node.Start, "an images entry must be a mapping");
        var fields = Fields(map, source, "pattern", "trust", "profiles");
        string pattern = Scalar(fields, "pattern", source, required: true)!;
        var (trust, signatures) = fields.TryGetValue("trust", out var trustNode)
            ? ParseTrust(trustNode, source)
            : throw Error(source, map.Start, "an images entry needs trust (a mapping, or unverified-unsafe)");
        var profiles = new List<ProfileGrant>();
        if (fields.TryGetValue("profiles", out var profilesNode))
        {
            if (profilesNode is not YamlSequenceNode list) throw Error(source, profilesNode.Start, "profiles must be a list");
            foreach (var p in list)
            {
                if (p is not YamlMappingNode pm) throw Error(source, p.Start, "a profile must be a mapping with name and digest");
                var pf = Fields(pm, source, "name", "digest");
                profiles.Add(new ProfileGrant(Scalar(pf, "name", source, required: true)!, Scalar(pf, "digest", source, required: false)));
            }
        }
        return new ImageRule { Pattern = pattern, Trust = trust, Signatures = signatures, Profiles = profiles, Source = $"{source}:{map.Start.Line}" };
    }

    private static (TrustRequirement?, SignatureRequirement?) ParseTrust(YamlNode node, string source)
    {
        if (node is YamlScalarNode { Value: "unverified-unsafe" }) return (null, null);
        if (node is not YamlMappingNode map) throw Error(source, node.Start, "trust must be a mapping or unverified-unsafe");
        var m = map.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "mechanism" }).Value;
        string? mechanism = m is null ? null : (m as YamlScalarNode)?.Value ?? throw Error(source, m.Start, "'mechanism' must be a scalar");
        return mechanism switch
        {
            null or "tuf" => (ParseTuf(map, source), null),
            "cosign" or "signatures" => (null, ParseSignatures(map, source, SignatureMechanism.Cosign)),
            "x509" => (null, ParseSignatures(map, source, SignatureMechanism.X509)),
            _ => throw Error(source, m!.Start, $"mechanism must be tuf, cosign (or signatures) or x509, not '{mechanism}'"),
        };
    }

    private static SignatureRequirement ParseSignatures(YamlMappingNode map, string source, SignatureMechanism mechanism)
    {
        string listKey = mechanism == SignatureMechanism.Cosign ? "keys" : "roots";
        var fields = Fields(map, source, "mechanism", listKey, "threshold");
        if (!fields.TryGetValue(listKey, out var listNode))
            throw Error(source, map.Start, mechanism == SignatureMechanism.Cosign ? "cosign needs keys: (public key files)" : "x509 needs roots: (root CA certificate files)");
        if (listNode is not YamlSequenceNode list || list.Children.Count == 0)
            throw Error(source, listNode.Start, $"{listKey} must be a non-empty list of file names");
        var files = new List<string>();
        foreach (var item in list)
        {
            if (item is not YamlScalarNode { Value: { Length: > 0 } file }) throw Error(source, item.Start, $"an entry of {listKey} must be a file name");
            if (files.Contains(file)) throw Error(source, item.Start, $"'{file}' is listed twice");
            files.Add(file);
        }
        int threshold = 1;
        if (Scalar(fields, "threshold", source, required: false) is { } t
            && (!int.TryParse(t, out threshold) || threshold < 1 || (mechanism == SignatureMechanism.Cosign && threshold > files.Count)))
        {
            throw Error(source, fields["threshold"].Start, mechanism == SignatureMechanism.Cosign
                ? "threshold must be between 1 and the number of keys" : "threshold must be at least 1");
        }
        return new SignatureRequirement
        {
            Mechanism = mechanism, Keys = mechanism == SignatureMechanism.Cosign ? files : [], Roots = mechanism == SignatureMechanism.X509 ? files : [],
            Threshold = threshold, Source = $"{source}:{map.Start.Line}",
        };
    }

    private static TrustRequirement ParseTuf(YamlMappingNode map, string source)
    {
        var fields = Fields(map, source, "mechanism", "metadata-url", "root", "role", "keys", "threshold");
        string url = Scalar(fields, "metadata-url", source, required: true)!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw Error(source, fields["metadata-url"].Start, "metadata-url must be an absolute http(s) URL");
        var keys = new List<string>();
        if (fields.TryGetValue("keys", out var keysNode))
        {
            if (keysNode is not YamlSequenceNode list) throw Error(source, keysNode.Start, "keys must be a list of key ids");
            foreach (var k in list) keys.Add(k is YamlScalarNode { Value: { } v } ? v : throw Error(source, k.Start, "a key id must be a string"));
        }
        int threshold = 1;
        if (Scalar(fields, "threshold", source, required: false) is { } t && (!int.TryParse(t, out threshold) || threshold < 1 || (keys.Count > 0 && threshold > keys.Count)))
            throw Error(source, fields["threshold"].Start, "threshold must be between 1 and the number of keys");
        return new TrustRequirement
        {
            MetadataUrl = uri, RootFile = Scalar(fields, "root", source, required: true)!,
            Role = Scalar(fields, "role", source, required: false), Keys = keys, Threshold = threshold,
        };
    }

    private static Dictionary<string, YamlNode> Fields(YamlMappingNode map, string source, params string[] allowed)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key }) throw Error(source, keyNode.Start, "keys must be strings");
            if (!allowed.Contains(key)) throw Error(source, keyNode.Start, $"unknown key '{key}' (expected {string.Join(", ", allowed)})");
            if (!value.Anchor.IsEmpty) throw Error(source, value.Start, "anchors and aliases are not allowed");
            if (!result.TryAdd(key, value)) throw Error(source, keyNode.Start, $"duplicate key '{key}'");
        }
        return result;
    }

    private static string? Scalar(Dictionary<string, YamlNode> fields, string name, string source, bool required)
    {
        if (!fields.TryGetValue(name, out var node))
            return required ? throw Error(source, Mark.Empty, $"missing required key '{name}'") : null;
        return node is YamlScalarNode { Value: { } value } ? value : throw Error(source, node.Start, $"'{name}' must be a scalar");
    }

    private static TrustVerificationException Error(string source, Mark mark, string message) =>
        new(TrustFailureReason.Malformed, mark.Line > 0 ? $"{source}:{mark.Line}:{mark.Column}: {message}" : $"{source}: {message}", source);
}
