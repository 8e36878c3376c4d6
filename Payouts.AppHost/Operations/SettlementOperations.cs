using System.Net.Http.Headers;
using System.Text;
using Payouts.Contracts.Settlement;
using Payouts.Hosting.RabbitMQ;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.AppHost.Operations;

/// <summary>
/// The settlement operator's actions as commands on the dashboard's settlement resource: the reconciliation report
/// (open transfers against the provider's live answer), the settlement error queues (poison messages), and moving
/// them back once the cause is fixed.
/// </summary>
internal static class SettlementOperations
{
    /// <summary>The command queues settlement consumes.</summary>
    private static readonly string[] Queues = [SettlementQueues.SettlePayout, SettlementQueues.SendMicroDeposits, SettlementQueues.GetSettlementStatus];

    private const int FaultsShown = 5;

    public static IResourceBuilder<ProjectResource> WithSettlementOperations(
        this IResourceBuilder<ProjectResource> settlement, IResourceBuilder<IResourceWithConnectionString> messaging, PlatformSettings settings)
    {
        return settlement
            .WithCommand("reconciliation-report", "Reconciliation report", context => ReportAsync(settlement, settings, context),
                new CommandOptions
                {
                    Description = "Transfers by status, and every open transfer beside the provider's live answer (GET /api/admin/settlement/reconciliation).",
                    IconName = "ArrowSync",
                    UpdateState = Running,
                })
            .WithCommand("show-error-queues", "Show error queues", context => ShowAsync(messaging, context),
                new CommandOptions
                {
                    Description = "How many commands ended in settlement's _error queues, and the first faults.",
                    IconName = "MailWarning",
                    UpdateState = Running,
                })
            .WithCommand("requeue-error-queues", "Requeue error queues", context => RequeueAsync(messaging, context),
                new CommandOptions
                {
                    Description = "Moves every message in settlement's _error queues back to its queue.",
                    ConfirmationMessage = "Move every message in settlement's error queues back to its queue? Do this once the cause of the faults is fixed.",
                    IconName = "MailArrowUp",
                    UpdateState = Running,
                });
    }

    private static ResourceCommandState Running(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;

    private static async Task<ExecuteCommandResult> ReportAsync(IResourceBuilder<ProjectResource> settlement, PlatformSettings settings, ExecuteCommandContext context)
    {
        // The AppHost can only sign with the dev key; a platform that trusts an external issuer does not accept it.
        if (settings.UsesAuthority)
            return CommandResults.Failure("The platform trusts an external identity provider (--auth-authority): ask for the report through the gateway with an admin token from it (GET /api/admin/settlement/reconciliation).");
        var token = new LocalTokenIssuer(new AuthSettings(settings.SigningKey))
            .Issue(new AuthTokenRequest("apphost-operator", [PayoutsRoles.Admin], Lifetime: TimeSpan.FromMinutes(5)));
        using var http = new HttpClient { BaseAddress = new Uri(settlement.GetEndpoint("http").Url), Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/settlement/reconciliation");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, context.CancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(context.CancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? CommandResults.Success("Settlement's reconciliation report.", body, CommandResultFormat.Json)
            : CommandResults.Failure($"Settlement answered {(int)response.StatusCode}.", body, CommandResultFormat.Text);
    }

    private static async Task<ExecuteCommandResult> ShowAsync(IResourceBuilder<IResourceWithConnectionString> messaging, ExecuteCommandContext context)
    {
        var uri = await messaging.Resource.GetConnectionStringAsync(context.CancellationToken).ConfigureAwait(false);
        var summaries = await ErrorQueues.DescribeAsync(uri!, Queues, FaultsShown, context.CancellationToken).ConfigureAwait(false);
        var report = new StringBuilder();
        foreach (var summary in summaries)
        {
            report.AppendLine($"**{summary.Queue}**: {summary.Messages} message(s)");
            foreach (var fault in summary.Faults) report.AppendLine($"- {fault}");
            report.AppendLine();
        }
        var total = summaries.Sum(s => s.Messages);
        return CommandResults.Success($"{total} message(s) in settlement's error queues.", report.ToString(), CommandResultFormat.Markdown);
    }

    private static async Task<ExecuteCommandResult> RequeueAsync(IResourceBuilder<IResourceWithConnectionString> messaging, ExecuteCommandContext context)
    {
        var uri = await messaging.Resource.GetConnectionStringAsync(context.CancellationToken).ConfigureAwait(false);
        var moved = new List<string>();
        foreach (var queue in Queues)
        {
            var count = await ErrorQueues.RequeueAsync(uri!, queue, context.CancellationToken).ConfigureAwait(false);
            if (count > 0) moved.Add($"{count} to {queue}");
        }
        return CommandResults.Success(moved.Count == 0 ? "The error queues were empty." : $"Moved {string.Join(", ", moved)}.");
    }
}
