namespace Hctr.Engine.Images.Unpack;

/// <summary>Why a layer was refused. Stable, for scripts and tests.</summary>
public enum UnpackFailureReason
{
    PathTraversal,
    NameTooLong,
    InvalidWhiteout,
    HardLinkOutside,
    TooManyEntries,
    TooLarge,
    CompressionRatio,
    UnsupportedCompression,
    Corrupt,
    FileSystem,
}
