#!/usr/bin/env bash
# Proves the generated schema right with an independent validator (check-jsonschema, Python):
# every plan in plans/ and examples/valid/ must pass it, and every structural example
# (RP010-RP016 in examples/invalid/) must fail it, as `regioplan check` says. The report JSON
# and the built-in frameworks are checked against their schemas the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
schema=schemas/regioplan.schema.json
status=0

check-jsonschema --schemafile "$schema" plans/*.yaml examples/valid/*.yaml

shopt -s nullglob
structural=(examples/invalid/RP01[0-6]-*.yaml)
if [ ${#structural[@]} -eq 0 ]; then
  echo "no structural examples found in examples/invalid/" >&2
  exit 1
fi
for example in "${structural[@]}"; do
  if check-jsonschema --schemafile "$schema" "$example" >/dev/null 2>&1; then
    echo "DISAGREE: check-jsonschema accepts $example, regioplan rejects it" >&2
    status=1
  else
    echo "agree: $example fails the schema"
  fi
done

# The report and gap-analysis JSON of the seed plans against schemas/report.schema.json, and the
# built-in frameworks (TOML) against schemas/framework.schema.json. The binary is built first.
cargo build --quiet --locked
out=target/schema-agreement
mkdir -p "$out"
for plan in plans/*.yaml; do
  name=$(basename "$plan" .yaml)
  for lang in en nl; do
    target/debug/regioplan report "$plan" --format json --lang "$lang" --as-of 2024-01-15 \
      >"$out/report-$name-$lang.json"
  done
done
target/debug/regioplan report plans/ --theme ggz --format json --as-of 2024-01-15 >"$out/report-plans-ggz.json"
target/debug/regioplan gaps plans/ --framework cz-oi --framework hechte-huisartsenzorg \
  --framework iza-regioplan --format json --as-of 2024-01-15 >"$out/gaps-plans.json"
check-jsonschema --schemafile schemas/report.schema.json "$out"/*.json
check-jsonschema --schemafile schemas/framework.schema.json src/frameworks/*.toml
exit $status
