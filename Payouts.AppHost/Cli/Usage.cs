namespace Payouts.AppHost.Cli;

public static class Usage
{
    public const string Text = """
        Payouts AppHost: runs the whole platform locally.

        Usage:
          dotnet run --project Payouts.AppHost [-- run] [options]
          dotnet run --project Payouts.AppHost -- token --user <id> --role <user|admin|super_admin> [--company <id>]

        run options:
          --gateway-port <port>          gateway port on 127.0.0.1 (default 8080; 0 = any free port)
          --settlement-replicas <n>      settlement worker replicas (default 2)
          --postgres "<connection>"      use this PostgreSQL (Npgsql connection string of a role that may CREATE DATABASE)
          --rabbitmq amqp://…            use this RabbitMQ instead of starting one
          --data-dir <folder>            state, data and logs (default <repository>/.apphost)
          --otlp-endpoint <url>          send telemetry there (default: $OTEL_EXPORTER_OTLP_ENDPOINT, else none)
          --otlp-protocol <p>            grpc or http/protobuf (default http/protobuf)
          --ephemeral                    PostgreSQL without fsync (faster, for throw-away data)
          --no-color                     plain console output

        token options:
          --user <id>  --role <user|admin|super_admin>  [--company <id>]  [--hours <n> (default 12)]  [--data-dir <folder>]
        """;
}
