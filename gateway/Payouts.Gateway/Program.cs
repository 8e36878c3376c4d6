using Payouts.Gateway;
using Payouts.Gateway.Errors;
using Payouts.Gateway.Health;
using Payouts.Gateway.OpenApi;
using Payouts.Gateway.Overload;
using Payouts.Gateway.RateLimiting;
using Payouts.Gateway.RequestLimits;
using Payouts.Gateway.Routing;
using Yarp.ReverseProxy.Configuration;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();

builder.Services.AddOptions<GatewayOptions>()
    .BindConfiguration(GatewayOptions.SectionName)
    .Validate(options => options.MaxRequestBodyBytes > 0, "Gateway:MaxRequestBodyBytes must be positive.")
    .Validate(options => options.RateLimit.PermitLimit > 0, "Gateway:RateLimit:PermitLimit must be positive.")
    .Validate(options => options.RateLimit.WindowSeconds > 0, "Gateway:RateLimit:WindowSeconds must be positive.")
    .ValidateOnStart();

builder.Services.AddSingleton<IProxyConfigProvider, ServiceDiscoveryProxyConfigProvider>();
builder.Services.AddReverseProxy();
builder.Services.AddGatewayRateLimiting();
builder.Services.AddOverloadShedding();
builder.Services.AddMergedApiDocuments();
builder.Services.AddHealthChecks()
    .AddCheck<ClusterDestinationsHealthCheck>("clusters", tags: [Extensions.ReadyTag]);

var app = builder.Build();

app.MapDefaultEndpoints();

app.UseOverloadShedding();
app.UseRouting();
app.UseAuthentication();
// After authentication, so the limiter can key on the validated token; before authorization, so
// floods of unauthorised calls are limited too.
app.UseRateLimiter();
app.UseAuthorization();
app.UseMiddleware<RequestBodyLimitMiddleware>();

app.MapReverseProxy(proxy =>
{
    proxy.UseMiddleware<ForwarderErrorEnvelopeMiddleware>();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

app.MapMergedApiDocuments();
app.MapApiReferenceInDevelopment();
app.MapPublicApiFallback();

app.Run();

public partial class Program;
