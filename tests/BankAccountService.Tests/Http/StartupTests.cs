using Payouts.BankAccountService.Tests.Support;
using Payouts.Testing;

namespace Payouts.BankAccountService.Tests.Http;

[Collection(Infrastructure.Collection)]
public sealed class StartupTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Outside_Development_the_service_refuses_to_start_without_encryption_keys()
    {
        await using var host = await BankAccountServiceHost.WithoutKeysAsync(infrastructure);

        var error = Assert.Throws<InvalidOperationException>(() => host.StartServer());

        Assert.Contains("BankAccounts:Encryption:Keys", error.Message);
    }
}
