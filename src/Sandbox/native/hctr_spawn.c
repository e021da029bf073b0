// hctr_spawn: the clone window of hctr's process model (docs/sandbox.md, STYLE.md §3).
//
// .NET cannot run managed code in a child between clone and execve (a pending GC suspension hangs it),
// so this one small function does the window in C. It holds no policy: the caller passes clone flags,
// fds and the next stage's path/argv/envp. In the child only raw syscalls run (no glibc wrappers that
// keep process-wide state, such as setresuid's all-threads broadcast).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hctr_spawn.h"

static long raw(long nr, long a, long b, long c, long d) { return syscall(nr, a, b, c, d); }

static void put_num(char *buf, size_t *n, long v) {
    char tmp[24]; int i = 0;
    if (v < 0) { buf[(*n)++] = '-'; v = -v; }
    do { tmp[i++] = (char)('0' + v % 10); v /= 10; } while (v > 0);
    while (i > 0) buf[(*n)++] = tmp[--i];
}

// One record, the same format as the init stage's: step US syscall US errno US path US origin LF.
static __attribute__((noreturn)) void fail(int fd, const char *syscall_name, const char *path) {
    int err = errno;
    char buf[512]; size_t n = 0;
    const char *step = "spawn";
    for (const char *p = step; *p; p++) buf[n++] = *p;
    buf[n++] = 0x1f;
    for (const char *p = syscall_name; *p && n < 100; p++) buf[n++] = *p;
    buf[n++] = 0x1f;
    put_num(buf, &n, err);
    buf[n++] = 0x1f;
    for (const char *p = path ? path : ""; *p && n < 480; p++) buf[n++] = *p;
    buf[n++] = 0x1f;
    buf[n++] = '\n';
    if (write(fd, buf, n) < 0) { /* nothing left to report to */ }
    syscall(SYS_exit_group, 125);
    __builtin_unreachable();
}

static int parent_gone(int error_fd) {
    struct pollfd p = { .fd = error_fd, .events = POLLOUT, .revents = 0 };
    return raw(SYS_poll, (long)&p, 1, 0, 0) == 1 && (p.revents & POLLERR) != 0;
}

// PID 1 when asked: reap every child, forward signals to the first, exit with its status.
static __attribute__((noreturn)) void reap(pid_t child) {
    sigset_t all;
    sigfillset(&all);
    int status = 0;
    for (;;) {
        siginfo_t si;
        int sig = sigwaitinfo(&all, &si);
        if (sig == SIGCHLD) {
            pid_t p;
            int st;
            while ((p = (pid_t)raw(SYS_wait4, -1, (long)&st, WNOHANG, 0)) > 0) {
                if (p == child) {
                    status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
                    syscall(SYS_exit_group, status);
                }
            }
        } else if (sig > 0) {
            raw(SYS_kill, child, sig, 0, 0);
        }
    }
}

static __attribute__((noreturn)) void child_main(const struct hctr_spawn_args *a) {
    int efd = a->error_fd;
    if (raw(SYS_prctl, PR_SET_PDEATHSIG, a->pdeath_signal, 0, 0) < 0) fail(efd, "prctl", "PR_SET_PDEATHSIG");
    raw(SYS_close, a->sync_write_fd, 0, 0, 0);
    raw(SYS_close, a->error_read_fd, 0, 0, 0);
    char go = 0;
    long r;
    do { r = raw(SYS_read, a->sync_read_fd, (long)&go, 1, 0); } while (r < 0 && errno == EINTR);
    if (r != 1) syscall(SYS_exit_group, 125); // the parent is gone or gave up: nothing to report to
    raw(SYS_close, a->sync_read_fd, 0, 0, 0);
    if (a->set_root_ids) {
        if (raw(SYS_setresgid, 0, 0, 0, 0) < 0) fail(efd, "setresgid", "0");
        if (raw(SYS_setresuid, 0, 0, 0, 0) < 0) fail(efd, "setresuid", "0");
        // The id change cleared the parent-death signal: arm it again, then make sure the parent did not die
        // in between (the error pipe's write end reports POLLERR once its only reader, the parent, is gone).
        if (raw(SYS_prctl, PR_SET_PDEATHSIG, a->pdeath_signal, 0, 0) < 0) fail(efd, "prctl", "PR_SET_PDEATHSIG");
        if (parent_gone(efd)) syscall(SYS_exit_group, 125);
    }
    for (int i = 0; i < 3; i++) {
        if (a->stdio[i] >= 0 && a->stdio[i] != i && raw(SYS_dup2, a->stdio[i], i, 0, 0) < 0) fail(efd, "dup2", "stdio");
    }
    if (a->controlling_tty) {
        if (raw(SYS_setsid, 0, 0, 0, 0) < 0) fail(efd, "setsid", "");
        if (raw(SYS_ioctl, 0, TIOCSCTTY, 0, 0) < 0) fail(efd, "ioctl", "TIOCSCTTY");
    }
    for (int i = 0; i < a->keep_count; i++) {
        if (raw(SYS_fcntl, a->keep_fds[i], F_SETFD, 0, 0) < 0) fail(efd, "fcntl", "F_SETFD");
    }
    if (a->reaper) {
        // Block everything first so no signal is lost between fork and sigwaitinfo.
        sigset_t all;
        sigfillset(&all);
        if (raw(SYS_rt_sigprocmask, SIG_SETMASK, (long)&all, 0, _NSIG / 8) < 0) fail(efd, "sigprocmask", "");
        long pid = raw(SYS_clone, SIGCHLD, 0, 0, 0);
        if (pid < 0) fail(efd, "clone", "reaper");
        if (pid > 0) {
            // The reaper never execs: it is a copy of hctr. Make it unreachable from the container
            // (non-dumpable, its mm belongs to the host user namespace), hold no fd, and keep its cwd at "/"
            // so that pivot_root moves it into the new root.
            raw(SYS_prctl, PR_SET_DUMPABLE, 0, 0, 0);
            raw(SYS_close_range, 0, ~0U, 0, 0);
            raw(SYS_chdir, (long)"/", 0, 0, 0);
            reap((pid_t)pid);
        }
        sigset_t none;
        sigemptyset(&none);
        raw(SYS_rt_sigprocmask, SIG_SETMASK, (long)&none, 0, _NSIG / 8);
        if (raw(SYS_prctl, PR_SET_PDEATHSIG, SIGKILL, 0, 0) < 0) fail(efd, "prctl", "PR_SET_PDEATHSIG");
    }
    raw(SYS_execve, (long)a->path, (long)a->argv, (long)a->envp, 0);
    fail(efd, "execve", a->path);
}

// Returns the child's pid (and its pidfd in *pidfd_out) or -errno.
int hctr_spawn(const struct hctr_spawn_args *a, int32_t *pidfd_out) {
    int pidfd = -1;
    struct clone_args ca;
    memset(&ca, 0, sizeof ca);
    ca.flags = a->clone_flags | CLONE_PIDFD;
    ca.pidfd = (uint64_t)(uintptr_t)&pidfd;
    ca.exit_signal = SIGCHLD;
    if (a->cgroup_fd >= 0) {
        ca.flags |= CLONE_INTO_CGROUP;
        ca.cgroup = (uint64_t)a->cgroup_fd;
    }
    // clone3 without a stack behaves like fork: the child continues here on a copy of this stack.
    long pid = syscall(SYS_clone3, &ca, sizeof ca);
    if (pid < 0 && errno == ENOSYS && a->cgroup_fd < 0) {
        // Old kernels and valgrind: clone(2) with CLONE_PIDFD stores the pidfd through parent_tid.
        pid = syscall(SYS_clone, (long)(ca.flags | SIGCHLD), 0L, (long)&pidfd, 0L, 0L);
    }
    if (pid < 0) return -errno;
    if (pid == 0) child_main(a);
    *pidfd_out = pidfd;
    return (int)pid;
}
