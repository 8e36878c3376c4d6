namespace Payouts.AppHost;

/// <summary>
/// Aspire points every project's OTLP exporter at the dashboard's OTLP port whether or not a dashboard runs. With the
/// dashboard off (the test and bench runs) nothing listens there, and each service would spend CPU on failed exports
/// and their retries; without the endpoint, ServiceDefaults adds no exporter. An endpoint the user chose is kept.
/// </summary>
internal static class TelemetryExport
{
    private static readonly string[] ExporterVariables =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS"];

    // Runs after AddProject's own callback (annotations run in order), so it sees the variables that one set.
    public static IResourceBuilder<ProjectResource> WithTelemetryExportOnlyToARunningDashboard(this IResourceBuilder<ProjectResource> project) =>
        project.WithEnvironment(context =>
        {
            var options = context.ExecutionContext.Services.GetRequiredService<DistributedApplicationOptions>();
            if (!options.DisableDashboard || !DashboardDefaults.OtlpEndpointIsTheDashboards()) return;
            foreach (var variable in ExporterVariables) context.EnvironmentVariables.Remove(variable);
        });
}
