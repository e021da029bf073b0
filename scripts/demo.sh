#!/usr/bin/env bash
# The main job, shown end to end with the built bin/hctr.
set -euo pipefail
cd "$(dirname "$0")/.."
H=bin/hctr
echo "== validate the shipped profiles"
$H profile validate profiles/*.yaml
echo "== a broken profile gets located errors and a non-zero exit"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"   # containers' root is an unprivileged host uid: it must be able to reach the rootfs
printf 'apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: broken}\nspec:\n  capabilities: {add: [NET_BIND_SERVISE]}\n  seccomp:\n    rules: [{syscalls: [opnat], action: allow}]\n' > "$tmp/broken.yaml"
$H profile validate "$tmp/broken.yaml" || echo "(exit $?)"
echo "== compile web-strict.yaml to a raw seccomp filter"
$H profile compile profiles/web-strict.yaml --emit seccomp-bpf -o "$tmp/web.bpf"
echo "$(($(stat -c %s "$tmp/web.bpf") / 8)) BPF instructions"
echo "== explain web-strict.yaml (risks at the end)"
$H profile explain profiles/web-strict.yaml | tail -n 12
echo "== run a shell in a container under web-strict.yaml (busybox rootfs)"
scripts/busybox-rootfs.sh "$tmp/rootfs"
$H run --profile profiles/web-strict.yaml --rootfs "$tmp/rootfs" -- /bin/sh -c '
  id; grep -E "^(CapEff|CapAmb|NoNewPrivs|Seccomp):" /proc/self/status
  touch /etc/x 2>&1 || true
  mount -t tmpfs none /mnt 2>&1 || true
  httpd -p 80 -h /srv/www && echo "httpd bound port 80 (allowed)"
  nc -l -p 8080 2>&1 || true
  echo "outgoing TCP is denied by Landlock (connect: [] in the profile):"; wget -q -O- http://127.0.0.1/ 2>&1 || true' 2> >(grep -v HCTR1604 >&2)
echo "== the same workload as a non-root user gets NET_BIND_SERVICE through the ambient set"
$H run --profile profiles/web-strict.yaml --rootfs "$tmp/rootfs" -u 1000 -- /bin/sh -c 'grep CapAmb /proc/self/status; exit 3' 2> >(grep -v HCTR1604 >&2) || echo "(container exit $?)"
