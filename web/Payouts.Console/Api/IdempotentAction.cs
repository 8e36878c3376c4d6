namespace Payouts.Console.Api;

/// <summary>
/// The idempotency key of one action on one object (process or reject a payout, pay an invoice…). It is made when the
/// action's dialog opens and kept until the action succeeds, so a retry after a refusal or a lost answer — the same
/// request again, even from a reopened dialog — is applied at most once. A changed request gets a new key, since the
/// API refuses a key reused with a different body.
/// </summary>
public sealed class IdempotentAction(Func<string>? newKey = null)
{
    private readonly Func<string> _newKey = newKey ?? (() => Guid.NewGuid().ToString("N"));
    private string? _key;
    private string? _sentFingerprint;

    /// <summary>The key the next request would carry; null until the dialog first opens.</summary>
    public string? Key => _key;

    /// <summary>The dialog opens: a key unless one is still held from an unfinished attempt.</summary>
    public void Open() => _key ??= _newKey();

    /// <summary>The key to send <paramref name="input"/> with.</summary>
    public string KeyFor(IActionInput input)
    {
        if (_key is null || (_sentFingerprint is not null && _sentFingerprint != input.Fingerprint)) _key = _newKey();
        _sentFingerprint = input.Fingerprint;
        return _key;
    }

    /// <summary>The action was applied: the next one is a new action with a new key.</summary>
    public void Succeeded()
    {
        _key = null;
        _sentFingerprint = null;
    }
}
