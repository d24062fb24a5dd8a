#!/usr/bin/env bash
# Runs the mutation test of tests/robustness.rs for longer than `cargo test` does: mutated seed
# plans and rule examples must never crash `check`, every span must lie within the text, and
# every output format must render. Deterministic: the same seed gives the same inputs.
#
#   scripts/fuzz.sh                          # 200000 inputs, seed from the clock
#   MUTATIONS=1000000 SEED=42 scripts/fuzz.sh
#   CASE_SEED=0x1234abcd scripts/fuzz.sh     # re-check the one input a failure names
#
# Optimised, but with overflow checks and debug assertions kept (they find bugs too), in its
# own target directory so that it does not rebuild anyone's target/release. Failing inputs are
# saved under target/fuzz/tmp/robustness/; the report names each one's case seed.
set -euo pipefail
cd "$(dirname "$0")/.."

mutations=${MUTATIONS:-200000}
seed=${SEED:-$(date +%s)}

export REGIOPLAN_MUTATIONS="$mutations" REGIOPLAN_SEED="$seed"
if [ -n "${CASE_SEED:-}" ]; then
  export REGIOPLAN_CASE_SEED="$CASE_SEED"
  echo "fuzz: the input with case seed $CASE_SEED" >&2
else
  echo "fuzz: $mutations inputs, REGIOPLAN_SEED=$seed" >&2
fi
export CARGO_TARGET_DIR=target/fuzz
export CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS=true
start=$(date +%s)
cargo test --release --test robustness -- \
  --exact mutated_plans_never_crash_and_every_span_lies_within_the_text --nocapture
echo "fuzz: passed in $(($(date +%s) - start)) s" >&2
