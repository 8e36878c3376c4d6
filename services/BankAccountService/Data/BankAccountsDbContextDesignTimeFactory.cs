using Payouts.Data;

namespace Payouts.BankAccountService.Data;

/// <summary>The context <c>dotnet ef</c> builds at design time (<see cref="NpgsqlDesignTimeDbContextFactory{TContext}"/>).</summary>
public sealed class BankAccountsDbContextDesignTimeFactory() : NpgsqlDesignTimeDbContextFactory<BankAccountsDbContext>("bankaccountsdb", options => new(options));
