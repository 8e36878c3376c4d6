using Payouts.AppHost.Hosting;
using Payouts.AppHost.Infrastructure;

var baseDir = Path.Combine(Path.GetTempPath(), "apphost-smoke");
await using var pg = new PostgresServer(new PostgresServerOptions { BaseDirectory = Path.Combine(baseDir, "postgres"), Port = FreePort.Next(), Ephemeral = true }, (l, e) => Console.WriteLine($"[postgres] {l}"));
await using var mq = new RabbitMqServer(new RabbitMqServerOptions { BaseDirectory = Path.Combine(baseDir, "rabbitmq"), Port = FreePort.Next(), DistributionPort = FreePort.Next(), EpmdPort = FreePort.Next() }, (l, e) => Console.WriteLine($"[rabbitmq] {l}"));
var sw = System.Diagnostics.Stopwatch.StartNew();
await Task.WhenAll(pg.StartAsync(default), mq.StartAsync(default));
Console.WriteLine($"both up in {sw.Elapsed.TotalSeconds:F1}s");
await pg.EnsureDatabasesAsync(["payoutsdb", "batchesdb"], default);
Console.WriteLine(pg.ConnectionString("payoutsdb"));
Console.WriteLine(mq.ConnectionString);
