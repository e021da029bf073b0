using System.Collections.Frozen;
using System.Collections.Immutable;
using Hctr.Policy.Seccomp.Tables;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// Built-in syscall groups a profile references as <c>@name</c> (see docs/seccomp.md).
/// A group may name syscalls that exist only on some architectures; the resolver skips
/// those elsewhere. Groups overlap where a syscall fits two purposes (pipe: file-io and ipc).
/// </summary>
public static class SyscallGroups
{
    private static readonly FrozenDictionary<string, ImmutableArray<string>> Groups = new Dictionary<string, ImmutableArray<string>>
    {
        ["@default"] = DockerDefaultGroup.Names,
        ["@file-io"] = Split("""
            read write open openat openat2 creat close close_range lseek _llseek pread64 pwrite64 readv writev
            preadv pwritev preadv2 pwritev2 stat fstat lstat newfstatat statx stat64 fstat64 lstat64 fstatat64
            statfs fstatfs statfs64 fstatfs64 access faccessat faccessat2 readlink readlinkat mkdir mkdirat rmdir
            unlink unlinkat rename renameat renameat2 link linkat symlink symlinkat chmod fchmod fchmodat fchmodat2
            chown fchown fchownat lchown chown32 fchown32 lchown32 truncate ftruncate truncate64 ftruncate64
            fsync fdatasync sync syncfs sync_file_range arm_sync_file_range fallocate fadvise64
            fadvise64_64 arm_fadvise64_64 readahead getdents getdents64 dup dup2 dup3 fcntl fcntl64 flock ioctl
            sendfile sendfile64 splice tee vmsplice copy_file_range utime utimes utimensat utimensat_time64 futimesat
            getcwd chdir fchdir umask mknod mknodat pipe pipe2 getxattr lgetxattr fgetxattr setxattr lsetxattr
            fsetxattr listxattr llistxattr flistxattr removexattr lremovexattr fremovexattr getxattrat setxattrat
            listxattrat removexattrat select _newselect pselect6 pselect6_time64 poll ppoll ppoll_time64
            epoll_create epoll_create1 epoll_ctl epoll_wait epoll_pwait epoll_pwait2 inotify_init inotify_init1
            inotify_add_watch inotify_rm_watch name_to_handle_at cachestat io_setup io_destroy io_submit io_cancel
            io_getevents io_pgetevents io_pgetevents_time64 statmount listmount
            """),
        ["@network"] = Split("""
            socket socketpair bind listen accept accept4 connect getsockname getpeername getsockopt setsockopt
            sendto recvfrom sendmsg recvmsg sendmmsg recvmmsg recvmmsg_time64 shutdown send recv socketcall
            """),
        ["@process"] = Split("""
            fork vfork clone clone3 execve execveat exit exit_group wait4 waitid waitpid getpid getppid gettid
            getpgid setpgid getpgrp getsid setsid prctl arch_prctl set_tid_address set_robust_list get_robust_list
            rseq getuid geteuid getgid getegid getresuid getresgid setuid setgid setreuid setregid setresuid
            setresgid getgroups setgroups setfsuid setfsgid getuid32 geteuid32 getgid32 getegid32 getresuid32
            getresgid32 setuid32 setgid32 setreuid32 setregid32 setresuid32 setresgid32 getgroups32 setgroups32
            setfsuid32 setfsgid32 capget capset getrlimit setrlimit ugetrlimit prlimit64 getrusage getpriority
            setpriority sched_yield sched_getaffinity sched_setaffinity sched_getparam sched_setparam
            sched_getscheduler sched_setscheduler sched_get_priority_max sched_get_priority_min
            sched_rr_get_interval sched_rr_get_interval_time64 sched_getattr sched_setattr pidfd_open personality
            uname times getcpu ioprio_get ioprio_set set_thread_area get_thread_area set_tls modify_ldt
            """),
        ["@signal"] = Split("""
            kill tkill tgkill rt_sigaction rt_sigprocmask rt_sigreturn rt_sigpending rt_sigsuspend rt_sigtimedwait
            rt_sigtimedwait_time64 rt_sigqueueinfo rt_tgsigqueueinfo sigaltstack signalfd signalfd4
            pidfd_send_signal pause sigaction sigprocmask sigreturn sigpending sigsuspend signal sgetmask ssetmask
            restart_syscall
            """),
        ["@time"] = Split("""
            time gettimeofday clock_gettime clock_gettime64 clock_getres clock_getres_time64 clock_nanosleep
            clock_nanosleep_time64 nanosleep alarm getitimer setitimer timer_create timer_settime timer_settime64
            timer_gettime timer_gettime64 timer_getoverrun timer_delete timerfd_create timerfd_settime
            timerfd_settime64 timerfd_gettime timerfd_gettime64 adjtimex clock_adjtime clock_adjtime64
            """),
        ["@memory"] = Split("""
            brk mmap mmap2 munmap mremap mprotect pkey_mprotect pkey_alloc pkey_free madvise mlock mlock2 munlock
            mlockall munlockall mincore msync membarrier memfd_create memfd_secret remap_file_pages get_mempolicy
            set_mempolicy set_mempolicy_home_node mbind migrate_pages move_pages process_mrelease mseal
            map_shadow_stack userfaultfd
            """),
        ["@ipc"] = Split("""
            msgget msgsnd msgrcv msgctl semget semop semtimedop semtimedop_time64 semctl shmget shmat shmdt shmctl
            ipc mq_open mq_unlink mq_timedsend mq_timedsend_time64 mq_timedreceive mq_timedreceive_time64
            mq_notify mq_getsetattr pipe pipe2 eventfd eventfd2 futex futex_time64 futex_waitv futex_wake
            futex_wait futex_requeue
            """),
        ["@mount"] = Split("""
            mount umount umount2 pivot_root chroot open_tree move_mount fsopen fsconfig fsmount fspick
            mount_setattr
            """),
        ["@namespaces"] = Split("unshare setns clone3"),
        ["@debug"] = Split("""
            ptrace process_vm_readv process_vm_writev kcmp pidfd_getfd process_madvise perf_event_open
            lookup_dcookie uretprobe
            """),
        ["@kernel-modules"] = Split("init_module finit_module delete_module create_module query_module get_kernel_syms"),
        ["@keyring"] = Split("add_key request_key keyctl"),
        ["@bpf"] = Split("bpf"),
        ["@io-uring"] = Split("io_uring_setup io_uring_enter io_uring_register"),
        ["@privileged"] = Split("""
            reboot kexec_load kexec_file_load swapon swapoff acct settimeofday stime clock_settime
            clock_settime64 iopl ioperm syslog vhangup quotactl quotactl_fd nfsservctl open_by_handle_at
            fanotify_init vm86 vm86old
            """),
        ["@obsolete"] = Split("""
            _sysctl afs_syscall break create_module ftime get_kernel_syms getpmsg gtty idle lock mpx prof profil
            putpmsg query_module security stty sysfs tuxcall ulimit uselib ustat vserver nfsservctl bdflush
            epoll_ctl_old epoll_wait_old oldfstat oldlstat oldstat olduname oldolduname readdir remap_file_pages
            """),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Group names, with their leading <c>@</c>.</summary>
    public static IReadOnlyCollection<string> Names => Groups.Keys;

    /// <summary>Looks a group up by name, with or without the leading <c>@</c>.</summary>
    public static bool TryGet(string name, out ImmutableArray<string> syscalls)
    {
        var key = name.StartsWith('@') ? name : "@" + name;
        return Groups.TryGetValue(key, out syscalls);
    }

    private static ImmutableArray<string> Split(string names) =>
        [.. names.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
