#!/usr/bin/env bash
# The main job, shown end to end with the built bin/hctr.
set -euo pipefail
cd "$(dirname "$0")/.."
H=bin/hctr
echo "== validate the shipped profiles"
$H profile validate profiles/*.yaml
echo "== a broken profile gets located errors and a non-zero exit"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: broken}\nspec:\n  capabilities: {add: [NET_BIND_SERVISE]}\n  seccomp:\n    rules: [{syscalls: [opnat], action: allow}]\n' > "$tmp/broken.yaml"
$H profile validate "$tmp/broken.yaml" || echo "(exit $?)"
echo "== compile web-strict.yaml to a raw seccomp filter"
$H profile compile profiles/web-strict.yaml --emit seccomp-bpf -o "$tmp/web.bpf"
echo "$(($(stat -c %s "$tmp/web.bpf") / 8)) BPF instructions"
