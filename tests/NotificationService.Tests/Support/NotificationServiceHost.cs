using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Payouts.NotificationService.Data;
using Payouts.Testing;

namespace Payouts.NotificationService.Tests.Support;

/// <summary>NotificationService in process with the fixture's settings, its deliveries watched by <paramref name="deliveries"/>.</summary>
public sealed class NotificationServiceHost(IReadOnlyDictionary<string, string?> settings, Deliveries deliveries) : InProcessService<NotificationsDbContext>
{
    protected override IReadOnlyDictionary<string, string?> Settings => settings;

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddReceiveObserver(_ => deliveries);
}
