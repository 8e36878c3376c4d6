using Microsoft.EntityFrameworkCore;
using Payouts.ProviderSandbox.Data;
using Payouts.ProviderSandbox.Domain;

namespace Payouts.ProviderSandbox.Application;

/// <summary>
/// Transfers as the provider's API reads them. Pending transfers whose time has come are resolved first, so a read never
/// shows a transfer pending past its answer.
/// </summary>
public sealed class TransferQueries(SandboxDbContext db, PendingTransferResolver resolver, TransferProcessor processor)
{
    /// <summary>The most a beneficiary's statement lists.</summary>
    private const int CreditsListed = 500;

    public async Task<Transfer?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await resolver.ResolveDueAsync(cancellationToken);
        return await db.Transfers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
    }

    public async Task<Transfer?> FindByReferenceAsync(string paymentReference, CancellationToken cancellationToken)
    {
        await resolver.ResolveDueAsync(cancellationToken);
        return await processor.FindByReferenceAsync(paymentReference, cancellationToken);
    }

    /// <summary>Every transfer sent to one beneficiary on one rail, newest first (bank transfers optionally at one bank).</summary>
    public async Task<IReadOnlyList<Transfer>> CreditsAsync(string rail, string destination, string? bankCode, CancellationToken cancellationToken)
    {
        await resolver.ResolveDueAsync(cancellationToken);
        var query = db.Transfers.AsNoTracking().Where(t => t.Rail == rail && t.Destination == destination);
        if (rail == Rails.BankTransfer && bankCode is not null)
        {
            query = query.Where(t => t.BeneficiaryBankCode == bankCode);
        }

        return await query.OrderByDescending(t => t.CreatedAt).Take(CreditsListed).ToListAsync(cancellationToken);
    }
}
