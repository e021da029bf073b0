using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Plan;

/// <summary>
/// One mount(2) inside the new root. <see cref="Target"/> is a container path, resolved by the Sandbox inside
/// the rootfs without following symlinks out of it. <see cref="Flags"/> are MS_* bits. Bind mounts with
/// MS_RDONLY (or nosuid/nodev/noexec) get a second remount step applied by the Sandbox as part of the same step.
/// </summary>
public sealed record MountStep(string Source, string Target, string FsType, ulong Flags, string Data, MountTargetKind TargetKind, SourceLocation Origin);
