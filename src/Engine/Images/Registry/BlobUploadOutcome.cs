namespace Hctr.Engine.Images.Registry;

/// <summary>How a pushed blob reached the registry.</summary>
public enum BlobUploadOutcome
{
    AlreadyPresent,
    Mounted,
    Monolithic,
    Chunked,
}
