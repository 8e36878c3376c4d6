using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Settlement;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Domain;

namespace Payouts.SettlementService.Messaging;

/// <summary>
/// Records settlement commands that went to their error queue (MassTransit publishes a <see cref="Fault{T}"/> when it
/// moves one there), so poison messages show in the reconciliation report instead of only in RabbitMQ.
/// </summary>
public sealed class SettlementFaultConsumer(SettlementDbContext db) : IConsumer<Fault<SettlePayout>>, IConsumer<Fault<SendMicroDeposits>>
{
    public Task Consume(ConsumeContext<Fault<SettlePayout>> context) =>
        RecordAsync(context.Message, nameof(SettlePayout), context.Message.Message.PayoutId, context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<SendMicroDeposits>> context) =>
        RecordAsync(context.Message, nameof(SendMicroDeposits), context.Message.Message.VerificationId, context.CancellationToken);

    private async Task RecordAsync(Fault fault, string messageType, Guid subjectId, CancellationToken cancellationToken)
    {
        var exception = fault.Exceptions.FirstOrDefault() is { } first ? $"{first.ExceptionType}: {first.Message}" : "unknown";
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO settlement_faults (fault_id, message_type, subject_id, exception, occurred_at)
            VALUES ({fault.FaultId}, {messageType}, {subjectId}, {(exception.Length > 500 ? exception[..500] : exception)}, {fault.Timestamp})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
    }
}
