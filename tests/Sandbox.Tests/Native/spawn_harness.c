// Drives hctr_spawn the way Launcher does (sync pipe, error pipe, keep fds), without namespaces, so that
// valgrind can check the parent side and the child up to execve. Exit 0 when the child ran /bin/true, and
// when a missing binary came back as one "spawn execve ENOENT" record.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hctr_spawn.h"

static int run(const char *path, char *buf, size_t len) {
    int sync[2], err[2];
    if (pipe2(sync, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) return -1;
    char *argv[] = { (char *)path, NULL };
    char *envp[] = { NULL };
    int32_t keep[] = { err[1] };
    struct hctr_spawn_args a = {
        .clone_flags = 0, .sync_read_fd = sync[0], .sync_write_fd = sync[1], .error_fd = err[1], .error_read_fd = err[0],
        .pdeath_signal = 9, .set_root_ids = 0, .reaper = 0, .stdio = { -1, -1, -1 }, .controlling_tty = 0,
        .keep_count = 1, .keep_fds = keep, .path = path, .argv = argv, .envp = envp, .cgroup_fd = -1,
    };
    int32_t pidfd = -1;
    int pid = hctr_spawn(&a, &pidfd);
    if (pid < 0) { fprintf(stderr, "hctr_spawn: %s\n", strerror(-pid)); return -1; }
    close(sync[0]); close(err[1]);
    if (write(sync[1], "g", 1) != 1) return -1;
    close(sync[1]);
    int status = 0;
    waitpid(pid, &status, 0);
    ssize_t n = read(err[0], buf, len - 1);
    buf[n > 0 ? n : 0] = 0;
    close(err[0]); close(pidfd);
    return status;
}

int main(void) {
    char buf[512];
    int ok = run("/bin/true", buf, sizeof buf);
    if (ok != 0 || buf[0]) { fprintf(stderr, "true: status %d record '%s'\n", ok, buf); return 1; }
    int st = run("/nonexistent", buf, sizeof buf);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 125 || strncmp(buf, "spawn\x1f" "execve\x1f" "2\x1f", 15) != 0) {
        fprintf(stderr, "missing: status %d record '%s'\n", st, buf); return 1;
    }
    puts("hctr_spawn: ok");
    return 0;
}
