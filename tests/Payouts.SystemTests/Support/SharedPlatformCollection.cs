namespace Payouts.SystemTests.Support;

/// <summary>
/// The business-flow classes share one platform: each works with its own random users, so they cannot see each other's
/// money, and a platform start is the slowest part of the run. Classes that stop, kill or limit parts of the platform
/// keep their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedPlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "shared platform";
}
