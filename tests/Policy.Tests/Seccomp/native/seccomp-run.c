/*
 * Test-only helper for hctr's seccomp Kernel tests (compiled by the tests at run time).
 * usage: seccomp-run FILTER_FILE NR [ARG0 .. ARG5] [--catch-sigsys]
 * Reads raw struct sock_filter records, sets no_new_privs, loads them with
 * seccomp(SECCOMP_SET_MODE_FILTER), makes the syscall NR and prints "ret=R errno=E".
 * With --catch-sigsys a SIGSYS handler prints "sigsys" and exits 42 (SECCOMP_RET_TRAP).
 * After the filter is loaded it uses only write(2) and exit_group(2).
 * Exit codes: 0 syscall returned, 2 usage, 3 could not load the filter.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

static void on_sigsys(int sig)
{
    (void)sig;
    static const char msg[] = "sigsys\n";
    ssize_t ignored = write(1, msg, sizeof msg - 1);
    (void)ignored;
    _exit(42);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s FILTER_FILE NR [ARG0..ARG5] [--catch-sigsys]\n", argv[0]);
        return 2;
    }
    static struct sock_filter code[4096];
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror("open filter");
        return 2;
    }
    size_t n = fread(code, sizeof code[0], 4096, f);
    fclose(f);

    long nr = strtol(argv[2], NULL, 0);
    unsigned long args[6] = {0};
    int nargs = 0, catch_sigsys = 0;
    for (int i = 3; i < argc; i++) {
        if (strcmp(argv[i], "--catch-sigsys") == 0)
            catch_sigsys = 1;
        else if (nargs < 6)
            args[nargs++] = strtoul(argv[i], NULL, 0);
    }
    if (catch_sigsys) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_sigsys;
        sigaction(SIGSYS, &sa, NULL);
    }

    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core); /* SIGSYS deaths should not write core files */

    struct sock_fprog prog = { .len = (unsigned short)n, .filter = code };
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        perror("no_new_privs");
        return 3;
    }
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
        fprintf(stderr, "seccomp load failed: errno=%d\n", errno);
        return 3;
    }

    errno = 0;
    long ret = syscall(nr, args[0], args[1], args[2], args[3], args[4], args[5]);
    int err = ret == -1 ? errno : 0;
    char line[64];
    int len = snprintf(line, sizeof line, "ret=%ld errno=%d\n", ret, err);
    ssize_t ignored = write(1, line, (size_t)len);
    (void)ignored;
    return 0;
}
