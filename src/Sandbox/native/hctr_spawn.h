// The clone helper's interface (hctr_spawn.c), shared with its valgrind harness. The C# mirror of the struct
// is Interop/SpawnCalls.cs (SpawnArgs): keep the three in step.
#ifndef HCTR_SPAWN_H
#define HCTR_SPAWN_H
#include <stdint.h>

struct hctr_spawn_args {
    uint64_t clone_flags;   // CLONE_NEW* bits; CLONE_PIDFD is added here
    int32_t sync_read_fd;   // child blocks on one "go" byte from here (EOF: parent gone, child exits)
    int32_t sync_write_fd;  // parent's end, closed in the child
    int32_t error_fd;       // O_CLOEXEC pipe: on failure the child writes one record and exits 125
    int32_t error_read_fd;  // the parent's end, closed in the child (so POLLERR on error_fd means the parent is gone)
    int32_t pdeath_signal;  // PR_SET_PDEATHSIG
    int32_t set_root_ids;   // 1: setresgid/setresuid(0) after the go byte (user namespace root)
    int32_t reaper;         // 1: fork; the first process stays a minimal PID 1 reaper
    int32_t stdio[3];       // dup2'd to 0,1,2 when >= 0
    int32_t controlling_tty;// 1: setsid() and TIOCSCTTY on fd 0
    int32_t keep_count;
    const int32_t *keep_fds; // FD_CLOEXEC cleared on these
    const char *path;
    char *const *argv;
    char *const *envp;
    int32_t cgroup_fd;      // >= 0: clone3(CLONE_INTO_CGROUP) into this cgroup v2 directory; the child is born there
};

// Returns the child's pid (and its pidfd in *pidfd_out) or -errno.
int hctr_spawn(const struct hctr_spawn_args *a, int32_t *pidfd_out);

#endif
