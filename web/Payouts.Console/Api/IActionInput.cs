namespace Payouts.Console.Api;

/// <summary>
/// What a user typed for an action. <see cref="Fingerprint"/> tells a retry of the same request (same key) from a
/// changed one (new key: the API refuses a key reused with a different body).
/// </summary>
public interface IActionInput
{
    string Fingerprint { get; }
}
