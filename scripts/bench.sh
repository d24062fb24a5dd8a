#!/usr/bin/env bash
# Measures regioplan against the targets of docs/performance.md and prints ONE Markdown table,
# ready to paste into that file.
#
#   scripts/bench.sh              # everything, about 5-10 minutes on 2 cores
#   RUNS=3 scripts/bench.sh       # timed runs per measurement (default 5; the fastest counts)
#   JSONSCHEMA_FILES=50 scripts/bench.sh   # corpus files given to check-jsonschema (default 100)
#   TIMER=bash scripts/bench.sh   # time with a bash loop even when hyperfine is installed
#   RP=/tmp/regioplan-old scripts/bench.sh   # another build of regioplan against the same plans
#                                 # and floor (the in-process server row is always this tree)
#   ONLY="large report-html" scripts/bench.sh   # only these sections (after the build and the
#                                 # plans): startup server corpus large jsonschema report
#                                 # memory report-html; report compares with corpus and large
#
# What it does:
# 1. builds the release binary and three benchmark programs (`cargo bench --no-run`):
#    benches/check.rs writes the synthetic plans, benches/floor.rs is the parser floor (the same
#    YAML parsed alone by granit-parser, the parser regioplan reads with, as an event stream on one
#    thread), benches/server.rs times the language server's re-check of a seed plan in process;
# 2. writes target/bench-corpus/: plans of 100, 1,000, 5,000, 10,000, 40,000 and 100,000 goals
#    (ten goals a theme: 10,000 and 40,000 goals are 1,000 and 4,000 themes) and a
#    corpus of 1,000 realistic plans (a quarter copies of the seed plans, the rest generated);
#    `regioplan check` passes on all of them;
# 3. times whole processes (hyperfine when installed, else a bash loop; the fastest of RUNS
#    runs), measures peak memory with `/usr/bin/time -v` (max RSS), and runs check-jsonschema
#    from target/ci-venv (scripts/install-test-tools.sh installs it) when present.
#
# Plans above the 4 MiB default file limit are checked with `--limit max-file-size=1GiB`.
# Needs: cargo, bash, GNU time (/usr/bin/time, Debian package `time`). Optional: hyperfine
# (Debian package `hyperfine`), check-jsonschema.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
only=${ONLY:-}
# want SECTION: whether SECTION is measured (all of them unless ONLY names some).
want() { [ -z "$only" ] || [[ " $only " == *" $1 "* ]]; }
# Measured by one section, compared with by others: empty (a dash) when not measured.
t_check_corpus="" t_check_large=""
js_files=${JSONSCHEMA_FILES:-100}
dir=target/bench-corpus
export LC_ALL=C

echo "bench: building (release)" >&2
executables=$(cargo bench --no-run --bench check --bench floor --bench server --message-format=json 2>/dev/null |
  grep -o '"executable":"[^"]*"' | cut -d'"' -f4)
# After the benchmarks: a bench build unifies the features of the dev-dependencies into the
# crates it shares with regioplan and leaves that build of regioplan in target/release; this
# puts back the binary users get (about 8% fewer instructions).
cargo build --release --quiet
gen=$(grep '/check-' <<<"$executables" | head -n1)
floor=$(grep '/floor-' <<<"$executables" | head -n1)
server=$(grep '/server-' <<<"$executables" | head -n1)
# RP=PATH measures another build of regioplan (an older commit) with the same plans and floor.
rp=${RP:-target/release/regioplan}
if [ ! -x "$gen" ] || [ ! -x "$floor" ] || [ ! -x "$server" ]; then
  echo "bench: could not find the benchmark programs (cargo bench --no-run)" >&2
  exit 2
fi

echo "bench: writing $dir" >&2
"$gen" generate "$dir" >/dev/null
corpus=$dir/corpus
large=$dir/goals-5000.yaml

# Plans above the 4 MiB default file limit are checked with the limit raised.
limit=(--limit max-file-size=1GiB)

# seconds once|runs|many CMD...: the fastest wall-clock time of 1, RUNS or at least 100 runs of
# CMD (output discarded), in seconds; an empty string when CMD fails.
seconds() {
  local n=$runs warmup=1
  if [ "$1" = once ]; then n=1 warmup=0; fi
  if [ "$1" = many ]; then n=$((runs > 100 ? runs : 100)); fi
  shift
  if [ "${TIMER:-}" != bash ] && command -v hyperfine >/dev/null; then
    local csv
    csv=$(mktemp)
    # hyperfine stops with an error when the command fails: the result is then empty.
    if hyperfine -N --warmup "$warmup" --runs "$n" --export-csv "$csv" --style none \
      -- "$(printf '%q ' "$@")" >/dev/null 2>&1; then
      awk -F, 'NR == 2 { print $7 }' "$csv" # min
    else
      echo ""
    fi
    rm -f "$csv"
  else
    if [ "$warmup" -gt 0 ] && ! "$@" >/dev/null 2>&1; then
      echo ""
      return
    fi
    local best="" start end t
    for _ in $(seq "$n"); do
      start=$(date +%s%N)
      if ! "$@" >/dev/null 2>&1; then
        echo ""
        return
      fi
      end=$(date +%s%N)
      t=$(((end - start) / 1000))
      if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
    done
    awk -v us="$best" 'BEGIN { printf "%.6f\n", us / 1e6 }'
  fi
}

# peak_kib CMD...: the maximum resident set size of CMD in KiB, empty when CMD fails.
peak_kib() {
  local out
  out=$(mktemp)
  if /usr/bin/time -v "$@" >/dev/null 2>"$out"; then
    awk -F': ' '/Maximum resident set size/ { print $2 }' "$out"
  fi
  rm -f "$out"
}

ms() { awk -v s="$1" 'BEGIN { if (s == "") print "—"; else if (s < 1) printf "%.1f ms", s * 1000; else printf "%.2f s", s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print ""; else printf "%.2f", a / b }'; }
verdict() { # verdict VALUE OP LIMIT
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { if (v == "") print "—"; else if ((op == "<=" && v <= l) || (op == ">=" && v >= l) || (op == "<" && v < l)) print "met"; else print "missed" }'
}
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

rows=()
row() { rows+=("| $1 | $2 | $3 | $4 | $5 | $6 |"); }

mapfile -t corpus_files < <(find "$corpus" -name '*.yaml' | sort)
corpus_bytes=$(cat "${corpus_files[@]}" | wc -c)
large_bytes=$(wc -c <"$large")

if want startup; then
  echo "bench: startup" >&2
  t_seed=$(seconds many "$rp" check plans/amsterdam-aha.yaml)
  t_floor_seed=$(seconds many "$floor" plans/amsterdam-aha.yaml)
  r=$(ratio "$t_seed" "$t_floor_seed")
  row "one seed plan (amsterdam-aha, 39 KB): \`check\` vs the parser floor, whole processes, fastest of 100" \
    "$(ms "$t_seed")" "$(ms "$t_floor_seed")" "${r:-—}x" "≤ 2.5x" "$(verdict "$r" "<=" 2.5)"
fi

if want server; then
  # The language server's re-check of a seed plan after a one-character change, in process
  # (benches/server.rs prints the fastest, median and slowest of 200 rounds per seed plan).
  echo "bench: the language server's re-check" >&2
  line=$("$server" | grep '^amsterdam-aha:' || true)
  fastest=$(sed -n 's/.*fastest \([0-9.]*\) ms.*/\1/p' <<<"$line")
  median=$(sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' <<<"$line")
  t_recheck=$(awk -v m="$fastest" 'BEGIN { if (m != "") printf "%.6f", m / 1000 }')
  row "re-check of a seed plan in the language server (amsterdam-aha, in process; fastest of 200, median ${median:-—} ms)" \
    "$(ms "$t_recheck")" "" "" "< 2 ms" "$(verdict "$t_recheck" "<" 0.002)"
fi

if want corpus; then
  echo "bench: corpus against the floor" >&2
  t_check_corpus=$(seconds runs "$rp" check "$corpus" --format concise)
  t_floor_corpus=$(seconds runs "$floor" "${corpus_files[@]}")
  r=$(ratio "$t_check_corpus" "$t_floor_corpus")
  row "1,000-plan corpus ($(mib "$corpus_bytes")): \`check\` (files in parallel) vs the parser floor (one thread)" \
    "$(ms "$t_check_corpus")" "$(ms "$t_floor_corpus")" "${r:-—}x" "≤ 1x" "$(verdict "$r" "<=" 1)"
fi

if want large; then
  echo "bench: one large file against the floor" >&2
  t_check_large=$(seconds runs "$rp" check "$large")
  t_floor_large=$(seconds runs "$floor" "$large")
  r=$(ratio "$t_check_large" "$t_floor_large")
  row "one large plan (5,000 goals, $(mib "$large_bytes")): \`check\` vs the parser floor" \
    "$(ms "$t_check_large")" "$(ms "$t_floor_large")" "${r:-—}x" "≤ 1.5x" "$(verdict "$r" "<=" 1.5)"
fi

if want jsonschema; then
  echo "bench: check-jsonschema" >&2
  cjs=target/ci-venv/bin/check-jsonschema
  if [ -x "$cjs" ]; then
    subset=("${corpus_files[@]:0:$js_files}")
    t_cjs=$(seconds once "$cjs" --schemafile schemas/regioplan.schema.json "${subset[@]}")
    t_check_subset=$(seconds runs "$rp" check "${subset[@]}" --format concise)
    r=$(ratio "$t_cjs" "$t_check_subset")
    row "check-jsonschema vs \`check\`, the first $js_files corpus files (one run of check-jsonschema)" \
      "$(ms "$t_check_subset")" "$(ms "$t_cjs")" "${r:-—}x slower" "≥ 100x" "$(verdict "$r" ">=" 100)"
    t_cjs_large=$(seconds once "$cjs" --schemafile schemas/regioplan.schema.json "$large")
    r=$(ratio "$t_cjs_large" "$t_check_large")
    row "check-jsonschema vs \`check\`, the large plan" "$(ms "$t_check_large")" "$(ms "$t_cjs_large")" \
      "${r:-—}x slower" "—" "—"
  else
    row "check-jsonschema vs \`check\`" "" "skipped: $cjs not installed (scripts/install-test-tools.sh)" "" "≥ 100x" "—"
  fi
fi

if want report; then
  echo "bench: report and gaps" >&2
  t_report=$(seconds runs "$rp" report "$large")
  r=$(ratio "$t_report" "$t_check_large")
  row "\`report\` (table) vs \`check\`, the large plan" "$(ms "$t_check_large")" "$(ms "$t_report")" "${r:-—}x" "—" "—"
  t_gaps=$(seconds runs "$rp" gaps "$corpus")
  r=$(ratio "$t_gaps" "$t_check_corpus")
  row "\`gaps\` (table) vs \`check\`, the corpus" "$(ms "$t_check_corpus")" "$(ms "$t_gaps")" "${r:-—}x" "≤ 2x" \
    "$(verdict "$r" "<=" 2)"
fi

if want memory; then
  echo "bench: growth and peak memory" >&2
  declare -A t_goals
  for goals in 1000 5000 10000 100000; do
    file=$dir/goals-$goals.yaml
    bytes=$(wc -c <"$file")
    args=(check "$file")
    if [ "$bytes" -gt $((4 * 1024 * 1024)) ]; then
      if [ ${#limit[@]} -eq 0 ]; then
        row "peak memory, $goals goals ($(mib "$bytes"))" "needs raised limit" "" "" "≤ 6x input" "—"
        t_goals[$goals]=""
        continue
      fi
      args=(check "${limit[@]}" "$file")
    fi
    kib=$(peak_kib "$rp" "${args[@]}")
    if [ -z "$kib" ]; then
      row "peak memory, $goals goals ($(mib "$bytes"))" "check failed: run \`$rp ${args[*]}\`" "" "" "≤ 6x input" "—"
      t_goals[$goals]=""
      continue
    fi
    r=$(awk -v k="$kib" -v b="$bytes" 'BEGIN { if (k == "") print ""; else printf "%.1f", k * 1024 / b }')
    row "peak memory (max RSS), $goals goals ($(mib "$bytes"))" "$(mib $((${kib:-0} * 1024)))" "" "${r:-—}x input" \
      "≤ 6x input" "$(verdict "$r" "<=" 6)"
    if [ "$goals" -ge 10000 ]; then
      t_goals[$goals]=$(seconds once "$rp" "${args[@]}")
    fi
  done
  if [ -n "${t_goals[10000]}" ] && [ -n "${t_goals[100000]}" ]; then
    r=$(ratio "${t_goals[100000]}" "${t_goals[10000]}")
    row "time growth, 10,000 -> 100,000 goals (\`check\`, one run each)" "$(ms "${t_goals[10000]}")" \
      "$(ms "${t_goals[100000]}")" "${r}x" "≤ 11x" "$(verdict "$r" "<=" 11)"
  else
    row "time growth, 10,000 -> 100,000 goals" "needs raised limit" "" "" "≤ 11x" "—"
  fi
fi

if want report-html; then
  # The board's document of a large plan: generated plans have ten goals a theme.
  echo "bench: report html by themes" >&2
  themes_1k=$dir/goals-10000.yaml
  themes_4k=$dir/goals-40000.yaml
  bytes_4k=$(wc -c <"$themes_4k")
  t_check_4k=$(seconds once "$rp" check "${limit[@]}" "$themes_4k")
  t_html_4k=$(seconds once "$rp" report "${limit[@]}" "$themes_4k" --format html)
  r=$(ratio "$t_html_4k" "$t_check_4k")
  row "\`report --format html\` vs \`check\`, 4,000 themes (40,000 goals, $(mib "$bytes_4k"); one run each)" \
    "$(ms "$t_check_4k")" "$(ms "$t_html_4k")" "${r:-—}x" "—" "—"
  t_html_1k=$(seconds once "$rp" report "${limit[@]}" "$themes_1k" --format html)
  r=$(ratio "$t_html_4k" "$t_html_1k")
  row "growth of \`report --format html\`, 1,000 -> 4,000 themes (one run each)" "$(ms "$t_html_1k")" \
    "$(ms "$t_html_4k")" "${r:-—}x" "≤ 4.4x" "$(verdict "$r" "<=" 4.4)"
fi

timer=bash
if [ "${TIMER:-}" != bash ] && command -v hyperfine >/dev/null; then timer="hyperfine $(hyperfine --version | cut -d' ' -f2)"; fi
echo
build=$(git rev-parse --short HEAD)
if [ -n "${RP:-}" ]; then build="$rp"; fi
echo "regioplan $("$rp" --version | cut -d' ' -f2), $build, $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg); fastest of $runs runs ($timer)"
echo
echo "| measurement | regioplan | compared with | ratio | target | |"
echo "| --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
