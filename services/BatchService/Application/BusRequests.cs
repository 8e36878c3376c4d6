using MassTransit;

namespace Payouts.BatchService.Application;

/// <summary>How a request over the bus goes unanswered: timed out, faulted, or cancelled by its timeout rather than the caller.</summary>
internal static class BusRequests
{
    public static bool IsUnanswered(Exception e, CancellationToken ct) =>
        e is RequestTimeoutException or RequestFaultException || (e is OperationCanceledException && !ct.IsCancellationRequested);
}
