namespace Payouts.Console.Api.Figures;

/// <summary><c>GET /api/admin/payouts/daily</c> (admin API, camelCase): <c>{success, data}</c>.</summary>
public sealed record PayoutDaysResponse(bool Success, PayoutDays Data);

public sealed record PayoutDays(string Currency, IReadOnlyList<PayoutDay> Days);

/// <summary>A UTC day: payouts requested that day, by their status now, and the amount completed that day.</summary>
public sealed record PayoutDay(DateOnly Date, int Requested, IReadOnlyDictionary<string, int> RequestedByStatus, decimal PaidAmount);
