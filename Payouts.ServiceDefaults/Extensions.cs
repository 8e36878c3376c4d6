using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Payouts.ServiceDefaults;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Correlation;
using Payouts.ServiceDefaults.Diagnostics;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Payouts process shares: telemetry, health, service discovery, resilience, JWT auth,
/// correlation ids and error envelopes. Modelled on the .NET Aspire ServiceDefaults template.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";

    /// <summary>Whether the request is a health or liveness probe (never traced, limited or shed).</summary>
    public static bool IsHealthProbe(HttpRequest request) =>
        request.Path.StartsWithSegments(HealthEndpointPath) || request.Path.StartsWithSegments(AlivenessEndpointPath);

    /// <summary>Tag of the health checks <c>/alive</c> runs (process up).</summary>
    public const string LiveTag = "live";

    /// <summary>Tag of dependency checks (database, broker); <c>/health</c> runs them with the rest.</summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<CorrelationIdHandler>();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
            http.AddHttpMessageHandler<CorrelationIdHandler>();
        });

        builder.AddDefaultAuthentication();

        builder.Services.AddSingleton(services => ServiceIdentity.From(
            services.GetRequiredService<IConfiguration>(),
            services.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddSingleton<IStartupFilter, ServiceDefaultsStartupFilter>();

        builder.Services.AddExceptionHandler<PublicApiExceptionHandler>();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.HttpContext.Items[CorrelationIds.HeaderName] is string correlationId)
            {
                context.ProblemDetails.Extensions["correlationId"] = correlationId;
            }
        });

        return builder;
    }

    public static IHostApplicationBuilder ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        var serviceName = ServiceIdentity.From(builder.Configuration, builder.Environment).Name;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // Payouts.*: every meter of the platform's own (payouts, settlement, messaging), present or added later; Npgsql's come with the Aspire integration.
                .AddMeter("MassTransit", "Payouts.*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, serviceName, "MassTransit")
                .AddAspNetCoreInstrumentation(aspNetCore =>
                    // Health probes every few seconds would drown the traces that matter.
                    aspNetCore.Filter = context => !IsHealthProbe(context.Request))
                .AddHttpClientInstrumentation());

        // UseOtlpExporter reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL and _HEADERS from configuration.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static IHostApplicationBuilder AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (every check) and <c>/alive</c> (only <c>live</c> checks), anonymous and in
    /// every environment because the orchestrator gates start-up on them; and installs the error
    /// handling that turns unhandled exceptions and empty error responses on public API paths into
    /// the family envelope (ProblemDetails elsewhere). Call it before mapping the service's endpoints.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UsePublicApiStatusCodeEnvelopes();

        app.MapHealthChecks(HealthEndpointPath).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
        }).AllowAnonymous().DisableRateLimiting();

        return app;
    }
}
