namespace Payouts.Contracts.Batches;

/// <summary>Whether a user of the platform has this email (seed 001's <c>/users/validate/email</c>); compared case-insensitively.</summary>
public sealed record FindPlatformUser(string Email);

/// <summary>The answer to <see cref="FindPlatformUser"/>; no user id leaves PayoutService for it.</summary>
public sealed record PlatformUserLookup(string Email, bool Exists);
