namespace Payouts.BatchService.Endpoints.Responses;

// The platform console's second-factor bodies (issue 12): {success, message, …}, snake_case as the bulk family writes.

/// <summary><c>POST /v1/platform/2fa/enroll</c>: the secret, shown this once, as text and as the URI an authenticator app scans.</summary>
public sealed record TwoFactorEnrolled(bool Success, string Secret, string OtpauthUri, string Message);

/// <summary>The answer of a confirmation, and of nothing else to tell.</summary>
public sealed record TwoFactorConfirmed(bool Success, string Message);

/// <summary>A refused second factor: <c>{"success": false, "message": "Invalid or expired 2FA code"}</c> and its kin.</summary>
public sealed record TwoFactorRefusal(bool Success, string Message);

/// <summary>The body of confirm and approve: the current code of the user's authenticator app, six digits as a string.</summary>
public sealed record TwoFactorCodeRequest(string Code);

/// <summary><c>POST /v1/payouts/batches/{id}/approve</c>: the batch is now processing; the batch saga pays its recipients.</summary>
public sealed record BatchApprovedResponse(
    bool Success, Guid BatchId, string BatchStatus, string ApprovedBy, DateTimeOffset ApprovedAt, int ApprovedRecipients, decimal TotalAmount, string Message);
