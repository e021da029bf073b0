#!/bin/sh
# Seccomp filter cost: hctr's compiler vs libseccomp on Docker's default amd64 profile.
# Prints rule count, instruction count, instructions executed per x86_64 syscall (average and
# worst over 0..table max+64, run in hctr's cBPF interpreter) and hctr's warm compile time.
# Needs the .NET SDK; the libseccomp column needs cc and libseccomp-dev (skipped otherwise).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release -v quiet -nologo "$here/FilterCost/FilterCost.csproj" -o "$work/bin" >/dev/null
run() { dotnet "$work/bin/FilterCost.dll" "$@"; }

extra=""
if command -v cc >/dev/null 2>&1 && cc -o "$work/libseccomp-export" "$here/FilterCost/libseccomp-export.c" -lseccomp 2>"$work/cc.log"; then
    run --names "$work/names.txt"
    "$work/libseccomp-export" "$work/libseccomp.bpf" < "$work/names.txt"
    extra="--libseccomp-bpf $work/libseccomp.bpf"
else
    echo "(libseccomp comparison skipped: cc or libseccomp-dev missing)" >&2
fi
# shellcheck disable=SC2086
run $extra
