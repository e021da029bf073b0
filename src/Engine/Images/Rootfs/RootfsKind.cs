namespace Hctr.Engine.Images.Rootfs;

public enum RootfsKind
{
    /// <summary>overlayfs: the image's unpacked layers as read-only lower dirs, a per-container upper and work dir.</summary>
    Overlay,

    /// <summary>vfs: the layers applied one after another into a private copy (no overlayfs needed).</summary>
    Copy,
}
