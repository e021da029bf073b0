#!/usr/bin/env bash
# Pull + verify + unpack of a generated multi-layer image, signed with `hctr trust`, from a local docker-registry:
# hctr pull --policy (TUF refresh from metadata served on 127.0.0.1, digest check, download with sha256, fd-relative
# unpack into the layer cache; a fresh root each run, so the trust metadata is fetched every time) versus
# skopeo copy to an OCI layout + umoci unpack of the same image (no signature check). Prints both medians and the ratio.
# Usage: bench/pull.sh [HCTR_BINARY]   (default: bin/hctr, else the Debug build)   env: LAYERS=4 LAYER_MB=12 RUNS=5
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
hctr=${1:-$repo_root/bin/hctr}
[[ -x $hctr ]] || hctr=$repo_root/src/Cli/bin/Debug/net10.0/linux-x64/hctr
layers=${LAYERS:-4} layer_mb=${LAYER_MB:-12} runs=${RUNS:-5}
for tool in docker-registry skopeo umoci hyperfine python3; do command -v $tool >/dev/null || { echo "missing $tool" >&2; exit 2; }; done
work=$(mktemp -d /tmp/hctr-bench-pull.XXXXXX)
cleanup() {
  [[ -n ${reg_pid:-} ]] && kill "$reg_pid" 2>/dev/null
  [[ -n ${tuf_pid:-} ]] && kill "$tuf_pid" 2>/dev/null
  wait 2>/dev/null || true; rm -rf "$work"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$work/registry.yml" <<YML
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $work/registry}}
http: {addr: 127.0.0.1:$port}
YML
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 & reg_pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && break; sleep 0.1; done

# An OCI layout with $layers gzip layers of mixed compressible/random files, written with plain tools.
python3 - "$work/layout" "$layers" "$layer_mb" <<'PY'
import gzip, hashlib, io, json, os, sys, tarfile
out, n, mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
blobs = os.path.join(out, "blobs", "sha256"); os.makedirs(blobs)
def put(b):
    d = hashlib.sha256(b).hexdigest(); open(os.path.join(blobs, d), "wb").write(b); return "sha256:" + d, len(b)
layers, diffs = [], []
for i in range(n):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
        for j in range(mb * 4):
            data = os.urandom(128 * 1024) + bytes(128 * 1024)
            info = tarfile.TarInfo(f"layer{i}/dir{j % 16}/file{j}"); info.size = len(data); info.mode = 0o644
            t.addfile(info, io.BytesIO(data))
    diffs.append("sha256:" + hashlib.sha256(raw.getvalue()).hexdigest())
    layers.append(put(gzip.compress(raw.getvalue(), 1)))
cfg = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Cmd": ["/bin/sh"]},
                  "rootfs": {"type": "layers", "diff_ids": diffs}}).encode()
c = put(cfg)
man = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": c[0], "size": c[1]},
    "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": d, "size": s} for d, s in layers]}).encode()
m = put(man)
open(os.path.join(out, "manifest.json"), "wb").write(man); open(os.path.join(out, "manifest.digest"), "w").write(m[0])
open(os.path.join(out, "oci-layout"), "w").write('{"imageLayoutVersion":"1.0.0"}')
json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
    "digest": m[0], "size": m[1], "annotations": {"org.opencontainers.image.ref.name": "v1"}}]}, open(os.path.join(out, "index.json"), "w"))
PY
skopeo copy -q --dest-tls-verify=false "oci:$work/layout:v1" "docker://127.0.0.1:$port/bench/image:v1"

# Sign it: a TUF repository made with hctr trust, published and served on 127.0.0.1; a trust policy pointing at it.
export HCTR_KEY_PASSPHRASE=bench
for k in root signer online; do "$hctr" trust key generate --type ed25519 -o "$work/$k" >/dev/null; done
"$hctr" trust init --dir "$work/tuf" --root-key "$work/root" --targets-key "$work/signer.pub" \
  --snapshot-key "$work/online.pub" --timestamp-key "$work/online.pub" >/dev/null
"$hctr" trust sign "127.0.0.1:$port/bench/image:v1@$(cat "$work/layout/manifest.digest")" --manifest "$work/layout/manifest.json" \
  --key "$work/signer" --dir "$work/tuf" >/dev/null
"$hctr" trust publish --dir "$work/tuf" --snapshot-key "$work/online" --timestamp-key "$work/online" >/dev/null
tuf_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$tuf_port" --bind 127.0.0.1 --directory "$work/tuf/public" >"$work/tuf.log" 2>&1 & tuf_pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$tuf_port/1.root.json" >/dev/null 2>&1 && break; sleep 0.1; done
cp "$work/tuf/public/1.root.json" "$work/root.json"
cat > "$work/trust-policy.yaml" <<YML
version: 1
default: refuse
images:
  - pattern: "127.0.0.1:$port/bench/*"
    trust: {metadata-url: "http://127.0.0.1:$tuf_port/", root: root.json}
    profiles: [{name: default}]
YML
echo "image: $layers layers, $(du -sh "$work/layout/blobs" | cut -f1) compressed, signed; hctr: $hctr"

hyperfine --runs "$runs" --warmup 1 --export-json "$work/result.json" \
  --prepare "rm -rf $work/hctr-root $work/skopeo $work/bundle" \
  -n hctr "$hctr pull --quiet --policy $work/trust-policy.yaml --profile $repo_root/profiles/default.yaml --root $work/hctr-root 127.0.0.1:$port/bench/image:v1" \
  -n skopeo+umoci "skopeo copy -q --src-tls-verify=false docker://127.0.0.1:$port/bench/image:v1 oci:$work/skopeo:v1 && umoci unpack --rootless --image $work/skopeo:v1 $work/bundle >/dev/null"

python3 - "$work/result.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
h, s = r["hctr"]["median"], r["skopeo+umoci"]["median"]
print(f"median hctr pull+verify+unpack: {h:.3f} s")
print(f"median skopeo copy+umoci unpack: {s:.3f} s")
print(f"ratio hctr/skopeo+umoci:         {h / s:.2f}")
PY
