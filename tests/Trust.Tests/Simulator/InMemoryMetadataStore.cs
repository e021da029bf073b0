using Hctr.Trust.Client;

namespace Hctr.Trust.Tests.Simulator;

internal sealed class InMemoryMetadataStore : IMetadataStore
{
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public byte[]? TryRead(string fileName) => Files.GetValueOrDefault(fileName);

    public void Write(string fileName, ReadOnlySpan<byte> data) => Files[fileName] = data.ToArray();

    public void Delete(string fileName) => Files.Remove(fileName);
}
