#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (cargo-fuzz). Three targets (fuzz/fuzz_targets/):
# - check (default): arbitrary bytes go to the loader, the whole check pipeline and every
#   findings renderer, and a plan that loads goes on to the report and gaps models and their
#   renderers;
# - framework: arbitrary bytes as a `gaps --framework` file, and a framework that reads goes on
#   to the gaps analysis of the seed plans and every renderer of its report;
# - config: arbitrary bytes as a regioplan.toml, and a configuration that reads is resolved into
#   the settings of plans at a few paths (overrides and excludes).
# Complements scripts/fuzz.sh, which mutates the seed plans without coverage feedback.
#
#   scripts/fuzz-libfuzzer.sh           # check, 60 seconds
#   scripts/fuzz-libfuzzer.sh 1800      # check, 30 minutes
#   TARGET=framework scripts/fuzz-libfuzzer.sh 1800
#   JOBS=2 scripts/fuzz-libfuzzer.sh 1800   # two fuzzing processes in parallel
#   TIMEOUT=60 nice -n 19 scripts/fuzz-libfuzzer.sh 1800   # on a busy shared machine
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a C++ compiler (libFuzzer is built from
# source). Works on the stable toolchain: `-s none` builds without a sanitizer (AddressSanitizer
# needs nightly; regioplan forbids unsafe code, so it would find little), with coverage
# instrumentation, debug assertions and overflow checks.
#
# The seed corpus of check is every plan under plans/ and examples/, of framework the built-in
# frameworks, of config the example regioplan.toml; the corpus libFuzzer grows is kept in
# target/fuzz-corpus/ (check) or target/fuzz-corpus-TARGET/ (not committed), so a second run goes
# on where the first stopped. A crash is written to target/fuzz-artifacts/ (check) or
# target/fuzz-artifacts-TARGET/; keep a plan that crashed as a regression test under
# tests/fixtures/fuzz/ (tests/robustness.rs checks every file there), a framework or
# configuration as a test in tests/hostile.rs, and re-run one input with
#   cargo fuzz run -s none TARGET FILE
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
jobs=${JOBS:-1}
target=${TARGET:-check}
# Seconds one input may take. On a busy shared machine under `nice` an ordinary input can stall
# past 10 s (a framework input runs three plans through gaps and five renderers): raise it there.
timeout=${TIMEOUT:-10}
case "$target" in
  check) suffix= ;;
  framework | config) suffix=-$target ;;
  *) echo "fuzz-libfuzzer: TARGET is check, framework or config, not '$target'" >&2; exit 2 ;;
esac
corpus=target/fuzz-corpus$suffix
artifacts=target/fuzz-artifacts$suffix
log=target/fuzz-libfuzzer$suffix.log

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz-libfuzzer: cargo-fuzz is not installed; run: cargo install cargo-fuzz" >&2
  exit 2
fi

mkdir -p "$corpus" "$artifacts"
case "$target" in
  check)
    find plans examples -name '*.yaml' -exec cp {} "$corpus"/ \;
    if [ -d tests/fixtures/fuzz ]; then cp tests/fixtures/fuzz/* "$corpus"/ 2>/dev/null || true; fi
    ;;
  framework) cp src/frameworks/*.toml "$corpus"/ ;;
  config) cp examples/plan-repo/regioplan.toml "$corpus"/ ;;
esac

echo "fuzz-libfuzzer: building (release, stable toolchain, no sanitizer)" >&2
# The same dependency versions as the regioplan binary; cargo adds libfuzzer-sys and its own.
cp Cargo.lock fuzz/Cargo.lock
cargo fuzz build -s none "$target"

echo "fuzz-libfuzzer: running for $seconds s with $jobs job(s); log in $log" >&2
status=0
parallel=()
# With -jobs, libFuzzer writes each job's output to fuzz-N.log in the current directory.
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
# -rss_limit_mb: the 4 MiB file limit and the hardening bounds keep memory far below this; a
# run above it is a finding. -max_len: inputs up to 64 KiB (a seed plan is about 40 KB).
cargo fuzz run -s none "$target" "$corpus" -- \
  -max_total_time="$seconds" "${parallel[@]}" \
  -rss_limit_mb=2048 -max_len=65536 -timeout="$timeout" -print_final_stats=1 \
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
