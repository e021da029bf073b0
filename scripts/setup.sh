#!/usr/bin/env bash
# Sets hctr up on a fresh Debian 12 machine (as root) and runs the demo:
#   1. apt-get the tools hctr and its tests use (skipped when all are present),
#   2. fetch the official SARIF 2.1.0 JSON schema for the tests into .cache/sarif/ (npm pack, sha256-pinned),
#   3. publish hctr (the small front binary), hctr-cli (the full CLI) and hctr-init (the init stage) as
#      NativeAOT binaries to bin/,
#   4. run the demo (scripts/demo.sh) unless --no-demo is given.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  busybox-static      # root filesystems for tests and the demo
  apparmor            # apparmor_parser -Q -K checks generated AppArmor profiles
  seccomp             # scmp_sys_resolver: oracle for the syscall tables
  libseccomp-dev      # bench: libseccomp's filter for comparison
  clang lld zlib1g-dev # NativeAOT toolchain
  gcc make            # the native clone helper
  runc bubblewrap     # peers in benchmarks and oracle tests
  skopeo umoci docker-registry  # image tests
  openssl             # independent signer in the registry-signature interop tests
  hyperfine strace valgrind python3 iproute2 nftables
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The official SARIF 2.1.0 JSON schema, which the SARIF tests validate `hctr profile audit --format sarif`
# against. Microsoft publishes it on npm inside @microsoft/jest-sarif; it is fetched into a git-ignored cache
# (never committed) and pinned by sha256. Without it the tests fail under CI=true, so setup fails loudly here.
SARIF_PKG="@microsoft/jest-sarif@1.0.0-beta.0"
SARIF_TGZ_SHA256="748e2c3d1a842e7bb258416685c7ea3a0da40005b72267b2052c2856d48ad102"
SARIF_SCHEMA=".cache/sarif/sarif-2.1.0-rtm.5.json"
SARIF_SCHEMA_SHA256="2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8"
fetch_sarif_schema() {
  if [[ -f "$SARIF_SCHEMA" ]] && echo "$SARIF_SCHEMA_SHA256  $SARIF_SCHEMA" | sha256sum -c --status; then
    return 0
  fi
  if ! command -v npm >/dev/null; then
    echo "setup: installing npm (fetches the SARIF 2.1.0 schema)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  local tmp tgz
  tmp=$(mktemp -d)
  if ! (cd "$tmp" && npm pack --silent "$SARIF_PKG" >/dev/null 2>"$tmp/npm.log"); then
    cat "$tmp/npm.log" >&2
    echo "setup: could not fetch $SARIF_PKG with npm pack (the SARIF schema tests need it)" >&2
    rm -rf "$tmp"
    return 1
  fi
  tgz=$(ls "$tmp"/*.tgz)
  if ! echo "$SARIF_TGZ_SHA256  $tgz" | sha256sum -c --status; then
    echo "setup: $SARIF_PKG tarball sha256 is $(sha256sum "$tgz" | cut -d' ' -f1), expected $SARIF_TGZ_SHA256" >&2
    rm -rf "$tmp"
    return 1
  fi
  tar -xzf "$tgz" -C "$tmp" package/lib/schemas/sarif-2.1.0-rtm.5.json
  if ! echo "$SARIF_SCHEMA_SHA256  $tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" | sha256sum -c --status; then
    echo "setup: the SARIF schema in $SARIF_PKG does not match its pinned sha256" >&2
    rm -rf "$tmp"
    return 1
  fi
  mkdir -p "$(dirname "$SARIF_SCHEMA")"
  mv "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$SARIF_SCHEMA.tmp"
  mv "$SARIF_SCHEMA.tmp" "$SARIF_SCHEMA"
  rm -rf "$tmp"
}
if ! fetch_sarif_schema; then
  echo "setup: fetching the official SARIF 2.1.0 schema failed" >&2
  exit 1
fi

if ! command -v dotnet >/dev/null; then
  echo "setup: the .NET 10 SDK is required (dotnet on PATH); Debian 12 does not package it" >&2
  exit 1
fi

# Three NativeAOT binaries (docs/sandbox.md): hctr-cli, the full CLI; hctr, the small front binary users run,
# which launches a cached `run --rootfs` itself and execs hctr-cli for everything else; and hctr-init, the small
# stage every launch starts inside the container's namespaces.
for project in src/Cli/Cli.csproj:hctr-cli src/Sandbox.Init/Sandbox.Init.csproj:hctr-init src/Cli.Front/Cli.Front.csproj:hctr; do
  echo "setup: publishing bin/${project#*:} (NativeAOT)"
  log=$(mktemp)
  if ! dotnet publish "${project%%:*}" -c Release -r linux-x64 -p:PublishAot=true -o bin -nologo \
       -p:DebugType=none >"$log" 2>&1; then
    grep -E "error|warning" "$log" | sort -u >&2 || cat "$log" >&2
    echo "setup: publishing bin/${project#*:} failed" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
done
rm -f bin/*.dbg bin/*.pdb
test -x bin/hctr && test -x bin/hctr-cli && test -x bin/hctr-init

if [[ "${1:-}" != "--no-demo" ]]; then
  exec scripts/demo.sh
fi
