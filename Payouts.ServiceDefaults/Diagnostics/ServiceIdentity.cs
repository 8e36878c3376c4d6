using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Payouts.ServiceDefaults.Diagnostics;

/// <summary>
/// The name this process reports itself as: <c>OTEL_SERVICE_NAME</c> (what the AppHost sets to
/// the resource name), else the application name.
/// </summary>
public sealed record ServiceIdentity(string Name)
{
    public static ServiceIdentity From(IConfiguration configuration, IHostEnvironment environment) =>
        new(string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"])
            ? environment.ApplicationName
            : configuration["OTEL_SERVICE_NAME"]!);
}
