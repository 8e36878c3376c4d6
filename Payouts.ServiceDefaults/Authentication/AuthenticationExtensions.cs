using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
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
        options.TokenValidationParameters = new TokenValidationParameters
        {
            NameClaimType = PayoutsClaimTypes.Subject,
            RoleClaimType = PayoutsClaimTypes.Role,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudience = settings.Audience,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };

        if (settings.Authority is not null)
        {
            options.Authority = settings.Authority;
            options.Audience = settings.Audience;
            options.RequireHttpsMetadata = settings.Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            return;
        }

        options.TokenValidationParameters.ValidIssuer = settings.Issuer;
        options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        // Without a key every token fails validation: the service stays up and answers 401.
        if (settings.SigningKey is not null)
        {
            options.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(settings.GetSigningKeyBytes());
        }
    }
}
