#!/usr/bin/env bash
# What `dotnet run --no-build` (how DCP starts every project resource) costs over starting the built dll: both
# launches of one service, alternated, each timed from start to exit, wall clock and CPU (user + system, the process
# and its children). With no connection strings the service stops at its host start (the messaging connection string
# is missing), after the same work both ways; the difference is the `dotnet run` wrapper (MSBuild evaluation of the
# project, then a second process). CPU seconds depend less than wall time on what else the machine runs.
#   bench/Payouts.Bench/launch-overhead.sh [service] [runs] [configuration]   (defaults: BatchService 5 Release)
set -euo pipefail
cd "$(dirname "$0")/../.."
service=${1:-BatchService}; runs=${2:-5}; configuration=${3:-Release}
project="services/$service/$service.csproj"
dll="services/$service/bin/$configuration/net10.0/$service.dll"
[[ -f $dll ]] || { echo "build first: $dll is missing" >&2; exit 1; }
cd "services/$service"   # DCP's working directory for a project
measure() { /usr/bin/time -f '%e %U %S' -o /dev/stdout "$@" 2>/dev/null | tail -1 | awk '{printf "%.2f %.2f\n", $1, $2 + $3}'; }
run_wall=(); run_cpu=(); dll_wall=(); dll_cpu=()
for _ in $(seq "$runs"); do
  read -r wall cpu < <(measure dotnet run --project "../../$project" --no-build --configuration "$configuration" --no-launch-profile)
  run_wall+=("$wall"); run_cpu+=("$cpu")
  read -r wall cpu < <(measure dotnet "../../$dll")
  dll_wall+=("$wall"); dll_cpu+=("$cpu")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "$service, $runs runs each, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "dotnet run --no-build: wall s ${run_wall[*]} (median $(median "${run_wall[@]}")); CPU s ${run_cpu[*]} (median $(median "${run_cpu[@]}"))"
echo "dotnet <dll>         : wall s ${dll_wall[*]} (median $(median "${dll_wall[@]}")); CPU s ${dll_cpu[*]} (median $(median "${dll_cpu[@]}"))"
awk -v rw="$(median "${run_wall[@]}")" -v dw="$(median "${dll_wall[@]}")" -v rc="$(median "${run_cpu[@]}")" -v dc="$(median "${dll_cpu[@]}")" \
  'BEGIN { printf "dotnet run costs %.2f s more wall clock and %.2f s more CPU per process (medians)\n", rw - dw, rc - dc }'
