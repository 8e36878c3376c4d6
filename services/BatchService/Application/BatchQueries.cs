using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Data;
using Payouts.BatchService.Domain;
using Payouts.ServiceDefaults.Http;

namespace Payouts.BatchService.Application;

/// <summary>A batch without its recipients: their figures summed by the database.</summary>
public sealed record BatchSummary(
    Guid Id, string Reference, string Status, int TotalRecipients, int ValidRecipients, decimal TotalAmount, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt);

/// <summary>One page of the company's batches, newest first, and how many it has in all.</summary>
public sealed record BatchPage(IReadOnlyList<BatchSummary> Batches, int Total);

/// <summary>Seed 001's reads, always within the caller's company: another company's batch does not exist for it.</summary>
public sealed class BatchQueries(BatchesDbContext db)
{
    public Task<Batch?> GetAsync(string companyId, Guid batchId, CancellationToken ct) =>
        db.Batches.AsNoTracking().Include(b => b.Recipients.OrderBy(r => r.Position))
            .FirstOrDefaultAsync(b => b.Id == batchId && b.CompanyId == companyId, ct);

    /// <summary>The batch's figures without loading its recipients: what a status poll needs.</summary>
    public Task<BatchSummary?> GetSummaryAsync(string companyId, Guid batchId, CancellationToken ct) =>
        Summaries(db.Batches.AsNoTracking().Where(b => b.Id == batchId && b.CompanyId == companyId)).FirstOrDefaultAsync(ct);

    public async Task<BatchPage> ListAsync(string companyId, Paging paging, CancellationToken ct)
    {
        var batches = db.Batches.AsNoTracking().Where(b => b.CompanyId == companyId);
        var total = await batches.CountAsync(ct);
        var page = await Summaries(batches.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).Skip(paging.Skip).Take(paging.Limit))
            .ToListAsync(ct);
        return new BatchPage(page, total);
    }

    private static IQueryable<BatchSummary> Summaries(IQueryable<Batch> batches) => batches.Select(b => new BatchSummary(
        b.Id, b.Reference, b.Status,
        b.Recipients.Count(),
        b.Recipients.Count(r => r.Status != RecipientStatus.Cancelled),
        b.Recipients.Where(r => r.Status != RecipientStatus.Cancelled).Sum(r => r.Amount),
        b.CreatedAt, b.UpdatedAt, b.CompletedAt));
}
