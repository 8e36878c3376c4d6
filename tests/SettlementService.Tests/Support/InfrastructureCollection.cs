using Payouts.Testing;

namespace Payouts.SettlementService.Tests.Support;

[CollectionDefinition(Infrastructure.Collection)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>;
