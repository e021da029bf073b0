using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>The native clone helper (native/hctr_spawn.c). The struct mirrors struct hctr_spawn_args.</summary>
internal static unsafe partial class SpawnCalls
{
    [StructLayout(LayoutKind.Sequential)]
    public struct SpawnArgs
    {
        public ulong CloneFlags;
        public int SyncReadFd;
        public int SyncWriteFd;
        public int ErrorFd;
        public int ErrorReadFd;
        public int PdeathSignal;
        public int SetRootIds;
        public int Reaper;
        public int Stdin;
        public int Stdout;
        public int Stderr;
        public int ControllingTty;
        public int KeepCount;
        public int* KeepFds;
        public byte* Path;
        public byte** Argv;
        public byte** Envp;
        public int CgroupFd;
    }

    /// <summary>Returns the child's pid (its pidfd in <paramref name="pidfd"/>) or -errno.</summary>
    [LibraryImport(Libc.Spawn, EntryPoint = "hctr_spawn")]
    public static partial int hctr_spawn(SpawnArgs* args, int* pidfd);
}
