using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Data;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Seed 000 <c>POST /api/payment-methods/</c>: the enabled methods with limits and fees, from configuration rows.</summary>
public static class PaymentMethodEndpoints
{
    public static IEndpointRouteBuilder MapPaymentMethodEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payment-methods/", async (PayoutsDbContext db, CancellationToken ct) =>
        {
            var methods = await db.PaymentMethods.AsNoTracking().Where(m => m.Enabled).OrderBy(m => m.SortOrder).ToListAsync(ct);
            return ApiJson.Snake(new
            {
                payment_methods = methods.Select(m => new
                {
                    id = m.Id, name = m.Name, description = m.Description, processing_time = m.ProcessingTime,
                    minimum_amount = m.MinimumAmount, maximum_amount = m.MaximumAmount,
                    // Seed 000's "fees" is the percentage; the fixed part is shown beside it.
                    fees = m.PercentageFee, fixed_fee = m.FixedFee, percentage_fee = m.PercentageFee,
                }),
            });
        }).RequireAuthorization().AddEndpointFilter<ApiErrorFilter>();
        return app;
    }
}
