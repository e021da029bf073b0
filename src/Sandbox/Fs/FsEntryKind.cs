namespace Hctr.Sandbox.Fs;

/// <summary>What a path names, without following a symlink at its last component.</summary>
public enum FsEntryKind
{
    None,
    Directory,
    Regular,
    Symlink,
    CharDevice,
    BlockDevice,
    Fifo,
    Other,
}
