using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payouts.BankAccountService.Data;
using Payouts.Contracts.BankAccounts;

namespace Payouts.BankAccountService.Messaging;

/// <summary>
/// Answers PayoutService's read-your-writes requests from the tables, so an account or beneficiary details this service
/// acknowledged are payable before their events arrive. Masked numbers only; whose they are is PayoutService's check
/// (the reply names the owner, as the events do).
/// </summary>
/// <remarks>A read: on its own endpoint without the inbox/outbox, so the reply goes straight back to the waiting request.</remarks>
public sealed class PayoutDestinationQueryConsumer(BankAccountsDbContext db) : IConsumer<GetBankAccount>, IConsumer<GetBeneficiaryDetails>
{
    public async Task Consume(ConsumeContext<GetBankAccount> context)
    {
        var id = context.Message.BankAccountId;
        var account = await db.BankAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, context.CancellationToken);
        if (account is null) await context.RespondAsync(new BankAccountNotFound(id));
        else await context.RespondAsync(BankAccountMessages.Found(account));
    }

    public async Task Consume(ConsumeContext<GetBeneficiaryDetails> context)
    {
        var id = context.Message.BeneficiaryDetailsId;
        var details = await db.BeneficiaryDetails.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, context.CancellationToken);
        var beneficiary = details is null
            ? null
            : await db.Beneficiaries.AsNoTracking().SingleOrDefaultAsync(b => b.Id == details.BeneficiaryId, context.CancellationToken);
        if (details is null || beneficiary is null) await context.RespondAsync(new BeneficiaryDetailsNotFound(id));
        else await context.RespondAsync(BeneficiaryMessages.DetailsFound(details, beneficiary));
    }
}
