#!/usr/bin/env bash
# Builds the VS Code extension (editors/vscode) into target/vsix/regioplan-TARGET.vsix, with the
# `regioplan` binary of that platform bundled in bin/.
#
#   bash scripts/build-vsix.sh                                  # linux-x64, this machine's binary
#   VSCE_TARGET=darwin-arm64 REGIOPLAN_BIN=path/to/regioplan bash scripts/build-vsix.sh
#
# VSCE_TARGET is a `vsce package --target` (linux-x64, linux-arm64, alpine-x64, darwin-x64,
# darwin-arm64, win32-x64); REGIOPLAN_BIN the binary for it (default: target/dist/regioplan,
# built with the `dist` profile when missing). Needs node and npm (the npm registry).
set -euo pipefail
cd "$(dirname "$0")/.."

target=${VSCE_TARGET:-linux-x64}
bin=${REGIOPLAN_BIN:-target/dist/regioplan}
if [ ! -x "$bin" ]; then
  [ -z "${REGIOPLAN_BIN:-}" ] || { echo "build-vsix: $bin is not an executable" >&2; exit 1; }
  cargo build --locked --profile dist
fi
bin=$(realpath "$bin")
exe=regioplan
case "$target" in win32-*) exe=regioplan.exe ;; esac

out=$PWD/target/vsix
mkdir -p "$out"
(
  cd editors/vscode
  [ -d node_modules ] || npm ci --no-audit --no-fund
  npm run build
  rm -rf bin
  mkdir -p bin
  cp "$bin" "bin/$exe"
  npx vsce package --no-dependencies --skip-license --target "$target" \
    --out "$out/regioplan-$target.vsix"
)
ls -l "$out/regioplan-$target.vsix"
