namespace Hctr.Trust.Signatures;

/// <summary>One layer of a signature manifest: a payload blob (by digest and size) and its annotations.</summary>
public sealed record SignatureLayer(string MediaType, string Digest, long Size, IReadOnlyDictionary<string, string> Annotations)
{
    public string? Annotation(string key) => Annotations.TryGetValue(key, out string? value) ? value : null;
}
