using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.Json;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Seed 000 <c>POST /api/payment-methods/</c>: the enabled methods with limits and fees, from configuration rows.</summary>
public static class PaymentMethodEndpoints
{
    public static IEndpointRouteBuilder MapPaymentMethodEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payment-methods/", async (PayoutsDbContext db, CancellationToken ct) =>
        {
            var methods = await db.PaymentMethods.AsNoTracking().Where(m => m.Enabled).OrderBy(m => m.SortOrder).ToListAsync(ct);
            return FamilyJson.Result(new PaymentMethodList(methods.Select(PaymentMethodView.Of)));
        }).RequireAuthorization().Produces<PaymentMethodList>();
        return app;
    }
}
