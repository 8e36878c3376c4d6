using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Payouts.ServiceDefaults.Authentication;

namespace Microsoft.Extensions.Hosting;

public static class AuthenticationExtensions
{
    /// <summary>
    /// JWT bearer authentication from <c>Auth:*</c> (signing key or OIDC authority) and the shared
    /// <see cref="PayoutsPolicies.Admin"/> policy. Configuration is read when options are first
    /// needed, so test hosts can supply it late.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();

        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IConfiguration>((options, configuration) => ConfigureJwtBearer(options, AuthSettings.FromConfiguration(configuration)));

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PayoutsPolicies.Admin, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(PayoutsRoles.Administrators));

        return builder;
    }

    private static void ConfigureJwtBearer(JwtBearerOptions options, AuthSettings settings)
    {
        // Keep "sub", "role" and "company_id" as issued instead of mapping them to long SOAP claim types.
        options.MapInboundClaims = false;
        options.Events = new ApiErrorJwtBearerEvents();
        options.TokenValidationParameters = PayoutsTokenValidation.For(settings);
        if (settings.Authority is not null)
        {
            options.Authority = settings.Authority;
            options.Audience = settings.Audience;
            options.RequireHttpsMetadata = settings.Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        }
    }
}
