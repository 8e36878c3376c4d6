#!/usr/bin/env bash
# Installs what the platform needs on a fresh Debian machine that has the .NET SDK: the PostgreSQL server binaries and
# RabbitMQ, which the AppHost runs as resources of its own (no container runtime needed), and setpriv, which runs
# PostgreSQL as the postgres user when the AppHost is root, and the repository's local dotnet tools (smtp4dev, the
# development SMTP server the AppHost and the tests run). `--with-browser` adds Chromium for the dashboard test.
set -euo pipefail

need=()
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
  need+=(rabbitmq-server)
fi
if ! command -v setpriv >/dev/null 2>&1; then
  need+=(util-linux)
fi
if [ "${1:-}" = "--with-browser" ] && [ ! -x /usr/bin/chromium ]; then
  need+=(chromium)
fi

if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing: ${need[*]}"
  $sudo apt-get update -qq
  # RUNLEVEL=1 keeps the packages' own system-wide servers from starting: the AppHost runs private ones.
  $sudo env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq "${need[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (dotnet was not found on PATH)." >&2
  exit 1
fi

# The local tools in .config/dotnet-tools.json (smtp4dev), from NuGet like the packages.
(cd "$(dirname "$0")/.." && dotnet tool restore >/dev/null)
