using Payouts.Testing;

namespace Payouts.Messaging.Tests.Support;

[CollectionDefinition(Infrastructure.Collection)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>;
