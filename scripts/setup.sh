#!/usr/bin/env bash
# Sets hctr up on a fresh Debian 12 machine (as root) and runs the demo:
#   1. apt-get the tools hctr and its tests use (skipped when all are present),
#   2. publish hctr as a NativeAOT binary to bin/hctr,
#   3. run the demo (scripts/demo.sh) unless --no-demo is given.
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

if ! command -v dotnet >/dev/null; then
  echo "setup: the .NET 10 SDK is required (dotnet on PATH); Debian 12 does not package it" >&2
  exit 1
fi

echo "setup: publishing bin/hctr (NativeAOT)"
log=$(mktemp)
if ! dotnet publish src/Cli/Cli.csproj -c Release -r linux-x64 -p:PublishAot=true -o bin -nologo \
     -p:DebugType=none >"$log" 2>&1; then
  grep -E "error|warning" "$log" | sort -u >&2 || cat "$log" >&2
  echo "setup: publishing bin/hctr failed" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
rm -f bin/*.dbg bin/*.pdb
test -x bin/hctr

if [[ "${1:-}" != "--no-demo" ]]; then
  exec scripts/demo.sh
fi
