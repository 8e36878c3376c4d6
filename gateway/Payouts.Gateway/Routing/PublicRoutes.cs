namespace Payouts.Gateway.Routing;

/// <summary>The gateway's route table: every public path of ARCHITECTURE §5 and nothing else.</summary>
public static class PublicRoutes
{
    private static readonly string[] Get = ["GET"];
    private static readonly string[] Post = ["POST"];
    private static readonly string[] Put = ["PUT"];
    private static readonly string[] GetPost = ["GET", "POST"];
    private static readonly string[] GetPut = ["GET", "PUT"];
    private static readonly string[] GetPutDelete = ["GET", "PUT", "DELETE"];
    private static readonly string[] AnyResourceMethod = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static readonly IReadOnlyList<PublicRoute> All =
    [
        // App and back office (seed 000), payouts side.
        new(ClusterNames.Payouts, "/api/get/payouts", Post),
        new(ClusterNames.Payouts, "/api/action/payout", Post),
        new(ClusterNames.Payouts, "/api/action/payout/cancel", Post),
        new(ClusterNames.Payouts, "/api/payouts/all", Post, RouteAccess.Admin),
        new(ClusterNames.Payouts, "/api/payouts/process", Post, RouteAccess.Admin),
        new(ClusterNames.Payouts, "/api/payouts/reject", Post, RouteAccess.Admin),
        new(ClusterNames.Payouts, "/api/payouts/stats", Post, RouteAccess.Admin),
        new(ClusterNames.Payouts, "/api/user/balance", Post),
        new(ClusterNames.Payouts, "/api/user/transactions", Get),
        new(ClusterNames.Payouts, "/api/payment-methods", Post),

        // Single payout (seed 002).
        new(ClusterNames.Payouts, "/payout/simple", Post),

        // Billing (seed 003); its admin approval endpoints need an admin.
        new(ClusterNames.Payouts, "/api/v1/billing/admin/{**rest}", GetPost, RouteAccess.Admin, Order: -1),
        new(ClusterNames.Payouts, "/api/v1/billing/{**rest}", GetPost),

        // Admin (seed 004), payouts side.
        new(ClusterNames.Payouts, "/api/admin/payouts", Get, RouteAccess.Admin),
        new(ClusterNames.Payouts, "/api/admin/payouts/daily", Get, RouteAccess.Admin, Order: -1),
        new(ClusterNames.Payouts, "/api/admin/payouts/{id}", Get, RouteAccess.Admin),
        new(ClusterNames.Payouts, "/api/admin/payouts/{id}/process", Post, RouteAccess.Admin),
        new(ClusterNames.Payouts, "/api/admin/payouts/{id}/reject", Post, RouteAccess.Admin),

        // Admin directory and funding (users, earnings credits), payouts side.
        new(ClusterNames.Payouts, "/api/admin/users", Post, RouteAccess.Admin),
        new(ClusterNames.Payouts, "/api/admin/users/{id}", Get, RouteAccess.Admin),
        new(ClusterNames.Payouts, "/api/admin/users/{id}/credits", Post, RouteAccess.Admin),

        // FX rates payouts settle at (configuration an admin keeps current), payouts side.
        new(ClusterNames.Payouts, "/api/admin/fx-rates", Get, RouteAccess.Admin),
        new(ClusterNames.Payouts, "/api/admin/fx-rates/{baseCurrency}/{quoteCurrency}", Put, RouteAccess.Admin),

        // Bank accounts (seed 000) and beneficiaries (seed 002).
        new(ClusterNames.BankAccounts, "/api/update/bank-account", Post),
        new(ClusterNames.BankAccounts, "/api/bank-accounts", Post),
        new(ClusterNames.BankAccounts, "/api/bank-accounts/verify", Post),
        new(ClusterNames.BankAccounts, "/api/bank-accounts/delete", Post),
        new(ClusterNames.BankAccounts, "/beneficiaries/{**rest}", AnyResourceMethod),

        // Bulk batches (seed 001).
        new(ClusterNames.Batches, "/v1/payouts/batch", Post),
        new(ClusterNames.Batches, "/v1/payouts/batches/{id}", Get),
        new(ClusterNames.Batches, "/v1/payouts/batches/{id}/status", Get),
        new(ClusterNames.Batches, "/v1/payouts/batches/{id}/recipients", Post),
        // The platform console's: a company marks a draft final, or cancels a draft or ready batch.
        new(ClusterNames.Batches, "/v1/payouts/batches/{id}/ready", Post),
        new(ClusterNames.Batches, "/v1/payouts/batches/{id}/cancel", Post),
        // The platform console's final approval with a second factor, and the company user's TOTP enrollment for it.
        new(ClusterNames.Batches, "/v1/payouts/batches/{id}/approve", Post),
        new(ClusterNames.Batches, "/v1/platform/2fa/enroll", Post),
        new(ClusterNames.Batches, "/v1/platform/2fa/confirm", Post),
        new(ClusterNames.Batches, "/v1/payouts", Get),
        new(ClusterNames.Batches, "/v1/users/validate/email/{email}", Get),
        // Operators: a batch and its saga's state, any company's.
        new(ClusterNames.Batches, "/v1/admin/batches/{id}", Get, RouteAccess.Admin),

        // Transfer status (seed 004 §4) lives in settlement; it must beat /api/admin/payouts/{id}/….
        new(ClusterNames.Settlement, "/api/admin/payouts/transfer-status/{transferId}", Get, RouteAccess.Admin, Order: -1),
        // Settlement's reconciliation reports (open transfers; finished transfers against the provider).
        new(ClusterNames.Settlement, "/api/admin/settlement/reconciliation", Get, RouteAccess.Admin),
        new(ClusterNames.Settlement, "/api/admin/settlement/reconciliation/finished", Get, RouteAccess.Admin),
        // An operator closes a transfer reconciliation cannot (flagged amount or currency), after asking the provider.
        new(ClusterNames.Settlement, "/api/admin/settlement/transfers/{payoutId}/resolve", Post, RouteAccess.Admin),

        // The caller's in-app notifications (app family): the list, mark one read, mark all read.
        new(ClusterNames.Notifications, "/api/v1/notifications", Get),
        new(ClusterNames.Notifications, "/api/v1/notifications/{id}/read", Post),
        new(ClusterNames.Notifications, "/api/v1/notifications/read-all", Post),
        // The caller's email preferences per notification type (app family).
        new(ClusterNames.Notifications, "/api/v1/notifications/preferences", GetPut),
        // The caller's webhook endpoints (app family): register and list, read/change/delete one, rotate its secret,
        // its delivery log, redeliver one delivery.
        new(ClusterNames.Notifications, "/api/v1/webhooks", GetPost),
        new(ClusterNames.Notifications, "/api/v1/webhooks/{id}", GetPutDelete),
        new(ClusterNames.Notifications, "/api/v1/webhooks/{id}/rotate-secret", Post),
        new(ClusterNames.Notifications, "/api/v1/webhooks/{id}/deliveries", Get),
        new(ClusterNames.Notifications, "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", Post),
    ];
}
