#!/usr/bin/env bash
# What `dotnet run --no-build` (how DCP starts every project resource) costs over starting the built dll: both
# launches of one service, alternated, each timed from start to exit. With no connection strings the service stops at
# its host start (the messaging connection string is missing), after the same work both ways; the difference is the
# `dotnet run` wrapper (MSBuild evaluation of the project, then a second process).
#   bench/Payouts.Bench/launch-overhead.sh [service] [runs] [configuration]   (defaults: BatchService 5 Release)
set -euo pipefail
cd "$(dirname "$0")/../.."
service=${1:-BatchService}; runs=${2:-5}; configuration=${3:-Release}
project="services/$service/$service.csproj"
dll="services/$service/bin/$configuration/net10.0/$service.dll"
[[ -f $dll ]] || { echo "build first: $dll is missing" >&2; exit 1; }
cd "services/$service"   # DCP's working directory for a project
seconds() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
run=(); dll_times=()
for _ in $(seq "$runs"); do
  run+=("$(seconds dotnet run --project "../../$project" --no-build --configuration "$configuration" --no-launch-profile)")
  dll_times+=("$(seconds dotnet "../../$dll")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dotnet run --no-build ms: ${run[*]}  (median $(median "${run[@]}"))"
echo "dotnet <dll>          ms: ${dll_times[*]}  (median $(median "${dll_times[@]}"))"
echo "dotnet run costs $(( $(median "${run[@]}" | cut -d. -f1) - $(median "${dll_times[@]}" | cut -d. -f1) )) ms more per process (median)"
