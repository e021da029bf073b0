using Hctr.Trust.Client;

namespace Hctr.TrustBench;

internal sealed class MemoryStore : IMetadataStore
{
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public byte[]? TryRead(string fileName) => Files.GetValueOrDefault(fileName);

    public void Write(string fileName, ReadOnlySpan<byte> data) => Files[fileName] = data.ToArray();

    public void Delete(string fileName) => Files.Remove(fileName);
}
