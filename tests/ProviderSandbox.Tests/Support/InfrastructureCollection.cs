using Payouts.Testing;

namespace Payouts.ProviderSandbox.Tests.Support;

[CollectionDefinition(Infrastructure.Collection)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>;
