using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain.Fx;

namespace Payouts.PayoutService.Application;

/// <summary>A pair's rate and processing fee as an admin sets them.</summary>
public sealed record FxRateSetting(string BaseCurrency, string QuoteCurrency, decimal Rate, decimal ProcessingFee, bool Enabled);

/// <summary>The FX rates payouts settle at: configuration an admin keeps current. A payout locks its rate when requested.</summary>
public sealed class FxRateSettings(PayoutsDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<FxRate>> ListAsync(CancellationToken ct) =>
        await db.FxRates.AsNoTracking().OrderBy(r => r.BaseCurrency).ThenBy(r => r.QuoteCurrency).ToListAsync(ct);

    public async Task<FxRate> SetAsync(FxRateSetting setting, string admin, CancellationToken ct)
    {
        // One statement, so two admins setting a new pair at once both succeed (the later write wins) instead of one failing on the unique pair.
        var now = clock.GetUtcNow();
        var saved = await db.FxRates.FromSql($"""
            INSERT INTO fx_rates (base_currency, quote_currency, rate, processing_fee, enabled, updated_at, updated_by)
            VALUES ({setting.BaseCurrency}, {setting.QuoteCurrency}, {setting.Rate}, {setting.ProcessingFee}, {setting.Enabled}, {now}, {admin})
            ON CONFLICT (base_currency, quote_currency) DO UPDATE SET
                rate = EXCLUDED.rate, processing_fee = EXCLUDED.processing_fee, enabled = EXCLUDED.enabled,
                updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
            RETURNING *
            """).AsNoTracking().ToListAsync(ct);
        return saved.Single();
    }
}
