namespace Hctr.Engine.Images.Rootfs;

/// <summary>
/// How a container's root file system is put together. For <see cref="RootfsKind.Overlay"/> the sandbox mounts
/// <c>overlay</c> on <see cref="MergedDir"/> with <see cref="OverlayOptions"/> inside the container's mount namespace;
/// for <see cref="RootfsKind.Copy"/> <see cref="MergedDir"/> already holds the files.
/// </summary>
public sealed record RootfsPlan(RootfsKind Kind, IReadOnlyList<string> LowerDirs, string UpperDir, string WorkDir, string MergedDir)
{
    /// <summary>overlayfs mount data; lower dirs top-most first, as overlayfs wants them.</summary>
    public string OverlayOptions => $"lowerdir={string.Join(':', LowerDirs)},upperdir={UpperDir},workdir={WorkDir}";
}
