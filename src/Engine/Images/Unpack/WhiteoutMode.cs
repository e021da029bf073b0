namespace Hctr.Engine.Images.Unpack;

/// <summary>What to do with <c>.wh.</c> entries.</summary>
public enum WhiteoutMode
{
    /// <summary>The layer gets its own directory (an overlayfs lower dir): whiteouts become 0/0 character
    /// devices and opaque markers the <c>trusted.overlay.opaque</c> xattr.</summary>
    Overlay,

    /// <summary>Layers are applied on top of each other in one directory: whiteouts delete.</summary>
    Apply,
}
