#!/usr/bin/env bash
# Runs the whole test suite: prerequisites (with Chromium for the dashboard test), then dotnet test (the tests start
# their own PostgreSQL and RabbitMQ, and the system tests the whole platform through its Aspire AppHost).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh --with-browser

log=$(mktemp)
status=0
dotnet test Payouts.sln --nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test assemblies.
sum() { grep -Eo "$1: +[0-9]+" "$log" | awk '{ total += $2 } END { print total + 0 }'; }
echo "$(sum Passed) passed, $(sum Failed) failed, $(sum Skipped) skipped"
rm -f "$log"
exit $status
