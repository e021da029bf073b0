/*
 * Builds Docker's default amd64 filter with libseccomp (same rules as
 * tests/Policy.Tests/Seccomp/DockerDefaultRuleSet.cs) and exports the BPF.
 * usage: libseccomp-export OUT.bpf < allow-list-names   (one name per line)
 * Binary-tree optimisation: SCMP_FLTATR_CTL_OPTIMIZE = 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <stdio.h>
#include <unistd.h>

#define ALLOW(name, ...) seccomp_rule_add(ctx, SCMP_ACT_ALLOW, seccomp_syscall_resolve_name(name), __VA_ARGS__)

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUT.bpf < names\n", argv[0]);
        return 2;
    }
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM));
    if (!ctx || seccomp_arch_add(ctx, SCMP_ARCH_X86) < 0 || seccomp_arch_add(ctx, SCMP_ARCH_X32) < 0)
        return 1;
    if (seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2) < 0)
        fprintf(stderr, "warning: binary tree optimisation not available\n");

    char name[128];
    int added = 0;
    while (scanf("%127s", name) == 1) {
        int nr = seccomp_syscall_resolve_name(name);
        if (nr != __NR_SCMP_ERROR && seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0) == 0)
            added++;
    }
    ALLOW("socket", 1, SCMP_A0(SCMP_CMP_LT, 38));
    ALLOW("socket", 1, SCMP_A0(SCMP_CMP_EQ, 39));
    ALLOW("socket", 1, SCMP_A0(SCMP_CMP_GT, 40));
    ALLOW("personality", 1, SCMP_A0(SCMP_CMP_EQ, 0));
    ALLOW("personality", 1, SCMP_A0(SCMP_CMP_EQ, 8));
    ALLOW("personality", 1, SCMP_A0(SCMP_CMP_EQ, 0x20000));
    ALLOW("personality", 1, SCMP_A0(SCMP_CMP_EQ, 0x20008));
    ALLOW("personality", 1, SCMP_A0(SCMP_CMP_EQ, 0xffffffff));
    ALLOW("clone", 1, SCMP_A0(SCMP_CMP_MASKED_EQ, 0x7E020000, 0));
    seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), seccomp_syscall_resolve_name("clone3"), 0);
    ALLOW("chroot", 0);
    ALLOW("arch_prctl", 0);
    ALLOW("modify_ldt", 0);

    int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || seccomp_export_bpf(ctx, fd) < 0) {
        perror("export");
        return 1;
    }
    close(fd);
    seccomp_release(ctx);
    fprintf(stderr, "libseccomp: %d allow-list names added\n", added);
    return 0;
}
