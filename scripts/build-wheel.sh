#!/usr/bin/env bash
# Builds the Python wheel of regioplan (pyproject.toml): the `regioplan` binary, built with the
# `dist` profile of Cargo.toml, in a wheel for this platform. The wheel goes to target/wheels/.
#
#   bash scripts/build-wheel.sh                 # this platform
#   bash scripts/build-wheel.sh --sdist         # also the source distribution
#   bash scripts/build-wheel.sh --target aarch64-unknown-linux-musl   # any `maturin build` flag
#
# Needs Rust (cargo) and Python 3. maturin is taken from PATH or installed into a virtual
# environment under target/ (never into the system Python). Install the wheel with
# `pipx install target/wheels/regioplan-*.whl` or `pip install` in a virtual environment.
set -euo pipefail
cd "$(dirname "$0")/.."

maturin_spec='maturin>=1.9,<2'
if command -v maturin >/dev/null 2>&1; then
  maturin=maturin
else
  venv=target/build-venv
  if [ ! -x "$venv/bin/maturin" ]; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$maturin_spec"
  fi
  maturin="$venv/bin/maturin"
fi

rm -f target/wheels/regioplan-*.whl
"$maturin" build --locked --out target/wheels "$@"
ls -l target/wheels/
