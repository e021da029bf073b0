#!/bin/sh
# Builds the clone helper with a small harness and runs it under valgrind (memcheck, children traced up to
# their execve). Fails on any valgrind error or a wrong result. Usage: tests/Sandbox.Tests/Native/valgrind-spawn.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src="$here/../../../src/Sandbox/native/hctr_spawn.c"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cc -g -O0 -Wall -Wextra -Werror -I "$(dirname "$src")" -o "$out/harness" "$here/spawn_harness.c" "$src"
valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --trace-children=no --track-fds=no "$out/harness"
