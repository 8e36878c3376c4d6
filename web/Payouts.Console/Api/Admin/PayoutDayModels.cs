namespace Payouts.Console.Api.Admin;

/// <summary><c>GET /api/admin/payouts/daily</c>: every day of the range, oldest first.</summary>
public sealed record PayoutDays(string Currency, IReadOnlyList<PayoutDay> Days);

/// <summary>A UTC day: payouts requested that day, by their status now, and the amount completed that day.</summary>
public sealed record PayoutDay(DateOnly Date, int Requested, IReadOnlyDictionary<string, int> RequestedByStatus, decimal PaidAmount);
