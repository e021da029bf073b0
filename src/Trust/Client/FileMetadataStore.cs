using Hctr.Trust.IO;

namespace Hctr.Trust.Client;

/// <summary>An <see cref="IMetadataStore"/> over one directory, with atomic writes.</summary>
public sealed class FileMetadataStore : IMetadataStore
{
    private readonly string _directory;

    public FileMetadataStore(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    public byte[]? TryRead(string fileName)
    {
        string path = PathOf(fileName);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public void Write(string fileName, ReadOnlySpan<byte> data) => AtomicFile.Write(PathOf(fileName), data);

    public void Delete(string fileName) => File.Delete(PathOf(fileName));

    private string PathOf(string fileName)
    {
        if (fileName.Length == 0 || fileName.Contains('/') || fileName.Contains('\0') || fileName is "." or "..")
            throw new TrustVerificationException(TrustFailureReason.LocalState, $"invalid metadata file name '{fileName}'");
        return Path.Combine(_directory, fileName);
    }
}
