using Payouts.Testing;

namespace Payouts.BankAccountService.Tests;

[CollectionDefinition(Infrastructure.Collection)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>;
