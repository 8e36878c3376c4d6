using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Data;
using Payouts.BatchService.Domain;
using Payouts.ServiceDefaults.Http;

namespace Payouts.BatchService.Application;

/// <summary>A batch in the company's list, with its recipient figures summed by the database.</summary>
public sealed record BatchSummary(
    Guid Id, string Reference, string Status, int TotalRecipients, int ValidRecipients, decimal TotalAmount, DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt);

/// <summary>One page of the company's batches, newest first, and how many it has in all.</summary>
public sealed record BatchPage(IReadOnlyList<BatchSummary> Batches, int Total);

/// <summary>Seed 001's reads, always within the caller's company: another company's batch does not exist for it.</summary>
public sealed class BatchQueries(BatchesDbContext db)
{
    public Task<Batch?> GetAsync(string companyId, Guid batchId, CancellationToken ct) =>
        db.Batches.AsNoTracking().Include(b => b.Recipients.OrderBy(r => r.Position))
            .FirstOrDefaultAsync(b => b.Id == batchId && b.CompanyId == companyId, ct);

    public async Task<BatchPage> ListAsync(string companyId, Paging paging, CancellationToken ct)
    {
        var batches = db.Batches.AsNoTracking().Where(b => b.CompanyId == companyId);
        var total = await batches.CountAsync(ct);
        var page = await batches.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).Skip(paging.Skip).Take(paging.Limit)
            .Select(b => new BatchSummary(
                b.Id, b.Reference, b.Status,
                b.Recipients.Count(),
                b.Recipients.Count(r => r.Status != RecipientStatus.Cancelled),
                b.Recipients.Where(r => r.Status != RecipientStatus.Cancelled).Sum(r => r.Amount),
                b.CreatedAt, b.CompletedAt))
            .ToListAsync(ct);
        return new BatchPage(page, total);
    }
}
