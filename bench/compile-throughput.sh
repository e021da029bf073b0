#!/bin/sh
# Compile throughput and filter cost for a profile (default: profiles/default.yaml).
# For the libseccomp comparison on Docker's default profile see bench/seccomp-filter-cost.sh.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
profile=${1:-$here/../profiles/default.yaml}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release -v quiet -nologo "$here/ProfileBench/ProfileBench.csproj" -o "$work/bin" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet "$work/bin/ProfileBench.dll" "$profile"
