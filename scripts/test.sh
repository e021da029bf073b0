#!/usr/bin/env bash
# Runs every test: installs and builds what the tests need (scripts/setup.sh --no-demo), then the whole
# suite (Unit, Kernel and E2E tiers), and prints one closing line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --no-demo || { echo "setup failed"; exit 1; }

log=$(mktemp)
dotnet test Hardened.sln -c Release -nologo -v quiet 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
read -r passed failed skipped < <(awk '
  /(Passed|Failed)!  - Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  f += $(i+1) + 0
      if ($i == "Passed:")  p += $(i+1) + 0
      if ($i == "Skipped:") s += $(i+1) + 0
    }
  }
  END { print p+0, f+0, s+0 }' "$log")
rm -f "$log"
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [[ $status -ne 0 || $failed -ne 0 || $passed -eq 0 ]]; then
  exit 1
fi
