#!/bin/sh
# Runs a RabbitMQ node under the orchestrator with an epmd of its own. Without one already listening on
# ERL_EPMD_PORT, Erlang starts a detached epmd that outlives the node; started here, it stops with the node.
epmd -port "$ERL_EPMD_PORT" -address 127.0.0.1 &
epmd_pid=$!
tries=0
until epmd -port "$ERL_EPMD_PORT" -names >/dev/null 2>&1 || [ "$tries" -ge 50 ]; do
  sleep 0.1
  tries=$((tries + 1))
done

/usr/lib/rabbitmq/bin/rabbitmq-server &
server_pid=$!
trap 'kill -TERM "$server_pid" 2>/dev/null' TERM INT
status=0
while kill -0 "$server_pid" 2>/dev/null; do
  wait "$server_pid"
  status=$?
done
kill -TERM "$epmd_pid" 2>/dev/null
wait "$epmd_pid" 2>/dev/null
exit "$status"
