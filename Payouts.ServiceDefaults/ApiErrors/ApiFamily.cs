namespace Payouts.ServiceDefaults.ApiErrors;

/// <summary>
/// The public API families of ARCHITECTURE §5. Each family has its own error envelope, taken
/// from the API document (seed) it implements.
/// </summary>
public enum ApiFamily
{
    /// <summary>Seed 000, app and back-office endpoints: <c>{"error": "code", "message": "...", "field"?: "..."}</c>.</summary>
    App,

    /// <summary>Seed 001, bulk batches under <c>/v1/</c>: <c>{"error": "..."}</c>.</summary>
    Bulk,

    /// <summary>Seed 002, single payout and beneficiaries: <c>{"status": "failed", "status_code": N, "message": "...", "data": ...}</c>.</summary>
    SinglePayout,

    /// <summary>Seed 003, billing under <c>/api/v1/billing/</c>: <c>{"success": false, "error": "..."}</c>.</summary>
    Billing,

    /// <summary>Seed 004, admin under <c>/api/admin/</c>: <c>{"success": false, "message": "..."}</c>.</summary>
    Admin,
}
