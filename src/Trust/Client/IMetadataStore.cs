namespace Hctr.Trust.Client;

/// <summary>Local storage of verified metadata, as the exact bytes that were verified.
/// File names are plain names (no directories), e.g. <c>root.json</c>, <c>bins-3a.json</c>.</summary>
public interface IMetadataStore
{
    byte[]? TryRead(string fileName);
    /// <summary>Must be atomic: after a crash the old or the new content is present, never a mix.</summary>
    void Write(string fileName, ReadOnlySpan<byte> data);
    void Delete(string fileName);
}
