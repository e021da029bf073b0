using Microsoft.Win32.SafeHandles;

namespace Hctr.Sandbox.Interop;

/// <summary>An owned file descriptor.</summary>
internal sealed class SafeFd : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeFd()
        : base(ownsHandle: true)
    {
    }

    public SafeFd(int fd, bool ownsHandle = true)
        : base(ownsHandle)
    {
        SetHandle(fd);
    }

    public int Fd => (int)handle;

    /// <summary>Gives up ownership and returns the raw number (the caller closes it, or a child inherits it).</summary>
    public int Release()
    {
        int fd = (int)handle;
        SetHandleAsInvalid();
        return fd;
    }

    protected override bool ReleaseHandle() => FileCalls.close((int)handle) == 0;
}
