#!/usr/bin/env bash
# Runs the whole platform locally: prerequisites, then the AppHost (Ctrl+C stops everything it started).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
exec dotnet run --project Payouts.AppHost -- "$@"
