namespace Payouts.ServiceDefaults.Json;

/// <summary>
/// Marks a <c>decimal</c> that is a ratio (an exchange rate, a percentage), not money: it keeps its significant digits
/// (<c>1499.5</c>, <c>0.0125</c>) instead of being written as an amount.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RateAttribute : Attribute;
