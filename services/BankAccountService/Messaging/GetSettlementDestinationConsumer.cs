using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payouts.BankAccountService.Data;
using Payouts.BankAccountService.Domain;
using Payouts.BankAccountService.Security;
using Payouts.Contracts.Settlement;

namespace Payouts.BankAccountService.Messaging;

/// <summary>
/// Answers settlement's request for a destination's full details — the only way full numbers leave the service — and
/// records every answer in <c>settlement_destination_audit</c> before replying.
/// </summary>
/// <remarks>
/// Runs on its own endpoint without the inbox/outbox: the reply goes straight to the requester instead of resting,
/// unencrypted, in the outbox table. A redelivered request is answered (and audited) again, which is harmless for a read.
/// </remarks>
public sealed partial class GetSettlementDestinationConsumer(
    BankAccountsDbContext db, AccountNumberProtector protector, [FromKeyedServices(ServiceClock.Key)] TimeProvider clock, ILogger<GetSettlementDestinationConsumer> logger)
    : IConsumer<GetSettlementDestination>
{
    public async Task Consume(ConsumeContext<GetSettlementDestination> context)
    {
        var request = context.Message;
        var reply = request.Kind switch
        {
            DestinationKind.BankAccount => await BankAccountAsync(request),
            DestinationKind.BeneficiaryDetails => await BeneficiaryDetailsAsync(request),
            _ => NotPayable(request, "unknown_destination_kind"),
        };

        db.SettlementDestinationAudits.Add(SettlementDestinationAudit.Record(
            request, context.RequestId, context.SourceAddress?.ToString(), reply.Payable, reply.NotPayableReason, clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);

        LogAnswered(logger, request.Kind, request.DestinationId, request.RequestedFor, reply.Payable, reply.NotPayableReason);
        await context.RespondAsync(reply);
    }

    private async Task<SettlementDestination> BankAccountAsync(GetSettlementDestination request)
    {
        var account = await db.BankAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.DestinationId);
        if (account is null) return NotPayable(request, "not_found");
        if (account.IsDeleted) return NotPayable(request, "deleted");

        // Micro-deposits go to an account before it is verified: its own verification may see the details.
        var forOwnVerification = request.RequestedFor == account.VerificationId && account.VerificationStatus == VerificationStatus.Pending;
        if (!account.Verified && !forOwnVerification) return NotPayable(request, "bank_account_not_verified");

        return Payable(request, account.AccountHolderName, account.BankName, account.Destination, BankAccount.AccountNumberPurpose, BankAccount.RoutingNumberPurpose);
    }

    private async Task<SettlementDestination> BeneficiaryDetailsAsync(GetSettlementDestination request)
    {
        var details = await db.BeneficiaryDetails.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DestinationId);
        if (details is null) return NotPayable(request, "not_found");
        var beneficiaryDeleted = await db.Beneficiaries.AnyAsync(b => b.Id == details.BeneficiaryId && b.DeletedAt != null);
        if (details.IsDeleted || beneficiaryDeleted) return NotPayable(request, "deleted");

        return Payable(
            request, details.AccountHolderName, details.BankName, details.Destination, BeneficiaryDetails.AccountNumberPurpose, BeneficiaryDetails.RoutingNumberPurpose);
    }

    private SettlementDestination Payable(
        GetSettlementDestination request, string holderName, string bankName, EncryptedDestination destination, string accountPurpose, string routingPurpose) =>
        new(request.Kind, request.DestinationId, true, null, holderName, bankName,
            protector.Decrypt(destination.AccountNumberCiphertext, accountPurpose),
            destination.RoutingNumberCiphertext is { } routing ? protector.Decrypt(routing, routingPurpose) : null,
            destination.BankCode, destination.Currency, destination.Country);

    private static SettlementDestination NotPayable(GetSettlementDestination request, string reason) =>
        new(request.Kind, request.DestinationId, false, reason, "", "", "", null, null, "", "");

    [LoggerMessage(Level = LogLevel.Information, Message = "Settlement destination {Kind} {DestinationId} requested for {RequestedFor}: payable {Payable} {NotPayableReason}")]
    private static partial void LogAnswered(ILogger logger, DestinationKind kind, long destinationId, Guid requestedFor, bool payable, string? notPayableReason);
}
