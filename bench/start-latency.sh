#!/bin/sh
# Start latency: the same busybox rootfs running /bin/true under hctr, runc and bwrap (the floor), side by
# side with hyperfine; prints the medians and hctr/runc, hctr/bwrap ratios, then peak RSS of each.
# Run as root from the repository root after scripts/setup.sh (bin/hctr, bin/hctr-cli, bin/hctr-init).
#   HCTR_PROFILE  profile to compile (default profiles/default.yaml)
#   HCTR_PLAN     a compiled plan (JSON) to run instead of a profile (its rootfs path is used as is)
#   RUNS          hyperfine runs per command (default 50)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
hctr="$repo/bin/hctr"            # the front binary: a cached `run --rootfs` launches there (docs/sandbox.md)
hctr_full="$repo/bin/hctr-cli"   # the full CLI, for comparison: the same run without the front
runs=${RUNS:-50}
for b in "$hctr" "$hctr_full" "$repo/bin/hctr-init"; do
    [ -x "$b" ] || { echo "missing $b: run scripts/setup.sh --no-demo" >&2; exit 1; }
done
work=$(mktemp -d /tmp/hctr-bench.XXXXXX)
chmod 755 "$work"  # the container's root is an unprivileged host uid: it must reach the rootfs
trap 'runc delete -f hctr-bench >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

mkdir -p "$work/bundle/rootfs/bin" "$work/bundle/rootfs/proc" "$work/bundle/rootfs/dev" "$work/bundle/rootfs/sys" "$work/bundle/rootfs/tmp"
cp /bin/busybox "$work/bundle/rootfs/bin/busybox"
for a in sh true; do ln -s busybox "$work/bundle/rootfs/bin/$a"; done

if [ -n "${HCTR_PLAN:-}" ]; then
    hctr_cmd="$hctr run --plan $HCTR_PLAN"
else
    hctr_cmd="$hctr run --profile ${HCTR_PROFILE:-$repo/profiles/default.yaml} --rootfs $work/bundle/rootfs -- /bin/true"
fi
full_cmd="$hctr_full${hctr_cmd#"$hctr"}"

# runc's config: runc's own default spec, with the security settings of the same profile overlaid from
# `hctr profile compile --emit oci` (capabilities, no_new_privs, rlimits, seccomp, id maps, namespaces,
# masked/read-only paths, resources, sysctls).
(cd "$work/bundle" && rm -f config.json && runc spec)
if "$hctr" profile compile --emit oci "${HCTR_PROFILE:-$repo/profiles/default.yaml}" > "$work/fragment.json" 2>/dev/null; then
    echo "runc config: runc spec + hctr profile compile --emit oci"
else
    echo '{}' > "$work/fragment.json"
    echo "runc config: runc spec only (hctr cannot emit OCI for this profile)"
fi
python3 - "$work/bundle/config.json" "$work/fragment.json" <<'PY'
import json, sys
p = sys.argv[1]; c = json.load(open(p)); f = json.load(open(sys.argv[2]))
for k in ("capabilities", "noNewPrivileges", "rlimits"):
    if k in f.get("process", {}): c["process"][k] = f["process"][k]
for k in ("seccomp", "uidMappings", "gidMappings", "namespaces", "maskedPaths", "readonlyPaths", "resources", "sysctl"):
    if k in f.get("linux", {}): c["linux"][k] = f["linux"][k]
c["linux"].get("seccomp", {}).pop("flags", None)  # runc 1.1 (Debian 12) refuses seccomp flags
c["process"]["args"] = ["/bin/true"]; c["process"]["terminal"] = False; c["root"] = {"path": "rootfs", "readonly": True}
json.dump(c, open(p, "w"))
PY


cd "$work/bundle"
$hctr_cmd || { echo "hctr cannot run the benchmark command" >&2; exit 1; }
hyperfine -N --style basic --warmup 5 --runs "$runs" --export-json "$work/result.json" \
    -n hctr "$hctr_cmd" \
    -n hctr-nocache "env HCTR_NO_PLAN_CACHE=1 $hctr_cmd" \
    -n hctr-full-cli "$full_cmd" \
    -n runc "runc run hctr-bench" \
    -n bwrap "bwrap --unshare-all --die-with-parent --ro-bind $work/bundle/rootfs / --proc /proc --dev /dev /bin/true"
python3 - "$work/result.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
print(f"median ms: hctr {r['hctr']*1000:.1f} (plan cache off: {r['hctr-nocache']*1000:.1f}; the full CLI without the front: {r['hctr-full-cli']*1000:.1f})  runc {r['runc']*1000:.1f}  bwrap {r['bwrap']*1000:.1f}")
print(f"hctr/runc {r['hctr']/r['runc']:.2f} (target <= 0.3)   hctr/bwrap {r['hctr']/r['bwrap']:.2f} (target <= 3)")
PY

# Peak RSS (KiB), from wait4's rusage: a process's maxrss survives execve and a parent's figure includes the
# largest of the children it reaped, so hctr's figure is the larger of the parent and the init stage.
echo "peak RSS KiB:"
/usr/bin/time -f "  hctr (parent or init stage, the larger) %M" $hctr_cmd
/usr/bin/time -f "  runc %M" runc run hctr-bench
