#!/usr/bin/env bash
# Proves the generated schema right with an independent validator (check-jsonschema, Python):
# every plan in plans/ and examples/valid/ must pass it, and every structural example
# (RP010-RP016 in examples/invalid/) must fail it, as `regioplan check` says.
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
exit $status
