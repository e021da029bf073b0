#!/bin/sh
# Audit and diff speed: generates 1,000 varied profiles (some extending a shared base, with groups, argument
# conditions, suppressions, devices and widenings) into a temp dir, then times with hyperfine:
#   - hctr profile audit DIR            (target: under 2 s wall)
#   - hctr profile diff A B             (target: under 50 ms including process start)
# Uses bin/hctr (the NativeAOT build from scripts/setup.sh --no-demo); HCTR=... overrides it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
hctr=${HCTR:-$here/../bin/hctr}
count=${COUNT:-1000}
[ -x "$hctr" ] || { echo "audit.sh: $hctr not found; run scripts/setup.sh --no-demo" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "audit.sh: hyperfine is required" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo"
cp "$here/../profiles/web-strict.yaml" "$here/../profiles/default.yaml" "$work/repo/"

caps="NET_BIND_SERVICE CHOWN KILL SETUID SETGID NET_RAW SYS_PTRACE SYS_ADMIN"
i=0
while [ "$i" -lt "$count" ]; do
    f="$work/repo/p$i.yaml"
    cap=$(echo "$caps" | cut -d' ' -f$((i % 8 + 1)))
    rofs=$([ $((i % 3)) -eq 0 ] && echo false || echo true)
    nnp=$([ $((i % 11)) -eq 0 ] && echo false || echo true)
    pids=$((64 + i % 200))
    errno=$([ $((i % 5)) -eq 0 ] && echo allow || echo "errno(EPERM)")
    if [ $((i % 4)) -eq 0 ]; then
        # extends a shipped profile; every 8th declares a widening
        {
            [ $((i % 16)) -eq 0 ] && echo "# hctr-lint: disable=HCTR-L015 reason: generated widening $i"
            echo "apiVersion: hctr.dev/v1"
            echo "kind: SecurityProfile"
            echo "metadata: {name: p$i}"
            echo "extends: web-strict.yaml"
            [ $((i % 8)) -eq 0 ] && echo "widen: [resources]"
            echo "spec:"
            echo "  resources: {memory: $((64 + i % 512))Mi, pids: $([ $((i % 8)) -eq 0 ] && echo 4096 || echo 32)}"
        } >"$f"
    else
        cat >"$f" <<YAML
# generated profile $i
apiVersion: hctr.dev/v1
kind: SecurityProfile
metadata: {name: p$i}
spec:
  capabilities: {add: [$cap]}
  noNewPrivileges: $nnp
  userNamespace: {mode: auto}
  seccomp:
    defaultAction: errno(EPERM)
    rules:
      - syscalls: ["@mount", "@bpf", "@keyring"]
        action: errno(EPERM)
      - syscalls: [ptrace]
        action: $errno
      - syscalls: ["@default"]
        action: allow
      - syscalls: [socket]
        action: allow
        args: [{index: 0, op: lt, value: $((2 + i % 40))}]
      - syscalls: [clone]
        action: allow
        args: [{index: 0, op: masked-eq, mask: 0x7E020000, value: 0}]
  filesystem:
    readOnlyRootfs: $rofs
    tmpfs:
      - {path: /tmp, size: 64Mi, mode: "1777", options: [nosuid, nodev$([ $((i % 7)) -eq 0 ] || echo ", noexec")]}
  network:
    modes: [$([ $((i % 9)) -eq 0 ] && echo "bridge, none" || echo none)]
  resources: {memory: $((128 + i))Mi, pids: $pids}
YAML
        if [ $((i % 13)) -eq 0 ]; then
            printf '  devices:\n    - {path: /dev/fuse, type: c, major: 10, minor: 229, access: rwm}\n' >>"$f"
        fi
    fi
    i=$((i + 1))
done

echo "generated $count profiles (+2 shipped bases) in $work/repo"
cd "$work/repo"
"$hctr" profile audit . >"$work/audit.txt" 2>&1 || true
tail -n 3 "$work/audit.txt"
hyperfine --warmup 1 --runs 5 -i "$hctr profile audit ."
hyperfine --warmup 3 --runs 30 -N -i "$hctr profile diff p1.yaml p2.yaml"
