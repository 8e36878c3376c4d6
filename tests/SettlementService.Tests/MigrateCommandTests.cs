using Microsoft.EntityFrameworkCore;
using Npgsql;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Tests.Support;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests;

/// <summary>
/// <c>SettlementService migrate</c>, which the AppHost runs once before the service's replicas start (they no longer
/// migrate, so two of them cannot race on a fresh database): it applies the migrations and exits, starting nothing else.
/// </summary>
[Collection(Infrastructure.Collection)]
public sealed class MigrateCommandTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Migrate_applies_every_migration_and_exits_0_and_a_second_run_finds_none_to_apply()
    {
        var database = await infrastructure.CreateDatabaseAsync("settlement_migrate");
        // Only the database: no broker, keys or provider settings, which the running service would refuse to start without.
        var environment = new Dictionary<string, string> { ["ConnectionStrings__settlementdb"] = database };
        var expected = ExpectedMigrations(database);

        var (exitCode, output) = await ServiceProcess.RunCommandAsync(ServiceFolders.Settlement, environment, "migrate");

        Assert.True(exitCode == 0, output);
        Assert.Equal(expected, await AppliedMigrationsAsync(database));
        Assert.Contains($"Applied {expected.Count} migration(s) to {nameof(SettlementDbContext)}", output);
        Assert.DoesNotContain("Now listening on", output);

        var (again, secondOutput) = await ServiceProcess.RunCommandAsync(ServiceFolders.Settlement, environment, "migrate");

        Assert.True(again == 0, secondOutput);
        Assert.Contains($"{nameof(SettlementDbContext)} is up to date", secondOutput);
        Assert.Equal(expected, await AppliedMigrationsAsync(database));
    }

    [Fact]
    public async Task Migrate_without_a_connection_string_exits_non_zero_and_says_why()
    {
        var (exitCode, output) = await ServiceProcess.RunCommandAsync(ServiceFolders.Settlement, new Dictionary<string, string>(), "migrate");

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Migrating {nameof(SettlementDbContext)} failed", output);
        Assert.Contains("ConnectionStrings:settlementdb", output);
    }

    private static List<string> ExpectedMigrations(string database)
    {
        using var context = new SettlementDbContext(new DbContextOptionsBuilder<SettlementDbContext>().UseNpgsql(database).Options);
        return [.. context.Database.GetMigrations()];
    }

    private static async Task<List<string>> AppliedMigrationsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var applied = new List<string>();
        while (await reader.ReadAsync()) applied.Add(reader.GetString(0));
        return applied;
    }
}
