#!/usr/bin/env bash
# Coverage-guided fuzzing of `check` with libFuzzer (cargo-fuzz): arbitrary bytes go to the
# loader, the whole check pipeline and every findings renderer, and a plan that loads goes on to
# the report and gaps models and their renderers (fuzz/fuzz_targets/check.rs). Complements
# scripts/fuzz.sh, which mutates the seed plans without coverage feedback.
#
#   scripts/fuzz-libfuzzer.sh           # 60 seconds
#   scripts/fuzz-libfuzzer.sh 1800      # 30 minutes
#   JOBS=2 scripts/fuzz-libfuzzer.sh 1800   # two fuzzing processes in parallel
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a C++ compiler (libFuzzer is built from
# source). Works on the stable toolchain: `-s none` builds without a sanitizer (AddressSanitizer
# needs nightly; regioplan forbids unsafe code, so it would find little), with coverage
# instrumentation, debug assertions and overflow checks.
#
# The seed corpus is every plan under plans/ and examples/; the corpus libFuzzer grows is kept
# in target/fuzz-corpus/ (not committed), so a second run goes on where the first stopped.
# A crash is written to target/fuzz-artifacts/; keep it as a regression test under
# tests/fixtures/fuzz/ (tests/robustness.rs checks every file there) and re-run one input with
#   cargo fuzz run -s none check FILE
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
jobs=${JOBS:-1}
corpus=target/fuzz-corpus
artifacts=target/fuzz-artifacts
log=target/fuzz-libfuzzer.log

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz-libfuzzer: cargo-fuzz is not installed; run: cargo install cargo-fuzz" >&2
  exit 2
fi

mkdir -p "$corpus" "$artifacts"
find plans examples -name '*.yaml' -exec cp {} "$corpus"/ \;
if [ -d tests/fixtures/fuzz ]; then cp tests/fixtures/fuzz/* "$corpus"/ 2>/dev/null || true; fi

echo "fuzz-libfuzzer: building (release, stable toolchain, no sanitizer)" >&2
# The same dependency versions as the regioplan binary; cargo adds libfuzzer-sys and its own.
cp Cargo.lock fuzz/Cargo.lock
cargo fuzz build -s none check

echo "fuzz-libfuzzer: running for $seconds s with $jobs job(s); log in $log" >&2
status=0
parallel=()
# With -jobs, libFuzzer writes each job's output to fuzz-N.log in the current directory.
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
# -rss_limit_mb: the 4 MiB file limit and the hardening bounds keep memory far below this; a
# run above it is a finding. -max_len: inputs up to 64 KiB (a seed plan is about 40 KB).
cargo fuzz run -s none check "$corpus" -- \
  -max_total_time="$seconds" "${parallel[@]}" \
  -rss_limit_mb=2048 -max_len=65536 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
if [ "$jobs" -gt 1 ]; then cat fuzz-*.log >>"$log" 2>/dev/null && rm -f fuzz-*.log; fi

echo
grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|stat::new_units_added)' "$log" || true
grep -E '#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' "$log" | tail -n 1 || true
echo "corpus: $(find "$corpus" -type f | wc -l) inputs in $corpus"
crashes=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' -o -name 'leak-*' \) | sort)
if [ -n "$crashes" ]; then
  echo "findings:"
  echo "$crashes"
  exit 1
fi
echo "findings: none"
exit "$status"
