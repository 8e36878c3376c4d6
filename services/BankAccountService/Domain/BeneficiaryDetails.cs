using Payouts.Data;

namespace Payouts.BankAccountService.Domain;

/// <summary>
/// A beneficiary's bank destination: the <c>beneficiary_details_id</c> of seed 002's <c>POST /payout/simple</c>.
/// Its <see cref="EncryptedDestination"/> is stored like a <see cref="BankAccount"/>'s; payable once validated (no micro-deposits: the payer vouches).
/// </summary>
public sealed class BeneficiaryDetails
{
    public const string AccountNumberPurpose = "beneficiary_details.account_number";
    public const string RoutingNumberPurpose = "beneficiary_details.routing_number";

    private BeneficiaryDetails()
    {
    }

    public long Id { get; private set; }
    public long BeneficiaryId { get; private set; }
    public string UserId { get; private set; } = "";
    public string BankName { get; private set; } = "";
    public string AccountHolderName { get; private set; } = "";
    public EncryptedDestination Destination { get; private set; } = null!;
    public string Fingerprint { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public static BeneficiaryDetails Add(
        Beneficiary beneficiary, string bankName, string accountHolderName, BankDestination destination,
        string accountNumberCiphertext, string? routingNumberCiphertext, string fingerprint, DateTimeOffset now) => new()
    {
        BeneficiaryId = beneficiary.Id,
        UserId = beneficiary.UserId,
        BankName = bankName,
        AccountHolderName = accountHolderName,
        Destination = EncryptedDestination.Of(destination, accountNumberCiphertext, routingNumberCiphertext),
        Fingerprint = fingerprint,
        CreatedAt = StoredTime.Of(now),
    };

    public void Delete(DateTimeOffset now) => DeletedAt = StoredTime.Of(now);
}
