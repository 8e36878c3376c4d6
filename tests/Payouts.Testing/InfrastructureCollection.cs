namespace Payouts.Testing;

/// <summary>
/// Name of the collection that shares one <see cref="InfrastructureFixture"/> per test assembly. xunit only finds
/// collection definitions in the test assembly itself, so each test project declares
/// <c>[CollectionDefinition(Infrastructure.Collection)] class InfrastructureCollection : ICollectionFixture&lt;InfrastructureFixture&gt;;</c>
/// </summary>
public static class Infrastructure
{
    public const string Collection = "infrastructure";
}
