namespace Hctr.Trust.Metadata;

/// <summary>One entry of a metadata file's <c>signatures</c> list.</summary>
public readonly record struct Signature(string KeyId, string SignatureHex);
