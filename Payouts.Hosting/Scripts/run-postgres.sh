#!/bin/sh
# Runs the postmaster given as arguments under the orchestrator. The orchestrator stops a process with SIGTERM, which
# PostgreSQL takes as a "smart" shutdown that waits for every client to disconnect; SIGINT is its fast shutdown
# (roll back open transactions, stop at once), so that is what this script forwards.
"$@" &
pid=$!
trap 'kill -INT "$pid" 2>/dev/null' TERM INT
status=0
while kill -0 "$pid" 2>/dev/null; do
  wait "$pid"
  status=$?
done
exit "$status"
