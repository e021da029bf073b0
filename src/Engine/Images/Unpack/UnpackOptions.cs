namespace Hctr.Engine.Images.Unpack;

/// <summary>Limits and permissions for unpacking one layer. Defaults are safe for untrusted images.</summary>
public sealed record UnpackOptions
{
    public WhiteoutMode Whiteouts { get; init; } = WhiteoutMode.Overlay;

    /// <summary>Create character and block devices (the profile allows devices). Otherwise they are skipped with a warning.</summary>
    public bool AllowDevices { get; init; }

    /// <summary>Keep setuid/setgid bits (the profile's <c>filesystem.allowSetuid</c>). Otherwise they are cleared with a warning.</summary>
    public bool AllowSetuid { get; init; }

    /// <summary>chown entries to their tar uid/gid (needs root or a user namespace that maps them).</summary>
    public bool PreserveOwnership { get; init; } = true;

    /// <summary>Keep <c>security.capability</c> xattrs (file capabilities) from PAX records. Otherwise they are dropped
    /// and counted in the warnings; <c>user.*</c> xattrs are always restored, every other namespace is dropped.</summary>
    public bool AllowFileCapabilities { get; init; }

    /// <summary>When set, ownership is shifted into a user namespace's host range as entries are chowned (the copy
    /// rootfs of a container whose mounts cannot be idmapped).</summary>
    public OwnerMap? Owners { get; init; }

    public long MaxEntries { get; init; } = 500_000;

    /// <summary>Total uncompressed tar bytes one layer may expand to, and so the largest file it may hold.</summary>
    public long MaxUncompressedBytes { get; init; } = 16L * 1024 * 1024 * 1024;

    /// <summary>Uncompressed/compressed ratio above which a layer is a decompression bomb...</summary>
    public double MaxCompressionRatio { get; init; } = 250;

    /// <summary>...once at least this many uncompressed bytes were produced (small layers of zeros are fine).</summary>
    public long RatioGraceBytes { get; init; } = 64L * 1024 * 1024;
}
