#!/usr/bin/env bash
# Runs the whole platform on its Aspire AppHost: prerequisites, a build, then the built AppHost itself (not through
# `dotnet run`, whose wrapper does not pass SIGTERM on). Once every service is healthy it prints the gateway URL and
# the dashboard's login URL; Ctrl+C or SIGTERM stops everything it started. Options follow, e.g.
# scripts/run.sh --settlement-replicas 3, --postgres "<connection string>", --rabbitmq amqp://…, --containers true.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
dotnet build Payouts.AppHost --nologo -v quiet -clp:ErrorsOnly
exec dotnet Payouts.AppHost/bin/Debug/net10.0/Payouts.AppHost.dll "$@"
