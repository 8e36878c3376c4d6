using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Console.Authentication;

public static class ConsoleAuthentication
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    /// <summary>
    /// A cookie session that ends when the platform token inside it expires. With <c>Auth:Authority</c> the session comes
    /// from OpenID Connect against that authority (the issuer the gateway trusts); without it, from a token pasted on
    /// the sign-in page, which only a platform with a signing key (development) accepts.
    /// </summary>
    public static IHostApplicationBuilder AddConsoleAuthentication(this IHostApplicationBuilder builder)
    {
        var settings = AuthSettings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<TokenSessions>();

        var authentication = builder.Services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            if (settings.Authority is not null) options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(options =>
        {
            options.Cookie.Name = "payouts-console";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = SignInPath;
            options.ReturnUrlParameter = "returnUrl";
            options.AccessDeniedPath = "/forbidden";
            options.SlidingExpiration = false;
            options.Events.OnValidatePrincipal = RejectExpiredSession;
        });
        if (settings.Authority is not null)
            authentication.AddOpenIdConnect(options => ConfigureOpenIdConnect(options, settings, builder.Configuration.GetSection("Console:Oidc")));

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ConsolePolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(PayoutsRoles.Administrators))
            .AddPolicy(ConsolePolicies.CompanyUser, policy => policy.RequireAuthenticatedUser().RequireClaim(PayoutsClaimTypes.CompanyId));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, ExpiringSessionStateProvider>();
        return builder;
    }

    /// <summary>
    /// <c>POST /signout</c> (a form with the anti-forgery token) ends the session; <c>GET /signin/oidc</c> starts one at
    /// the identity provider when the console has one.
    /// </summary>
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<AuthSettings>().Authority is not null)
        {
            app.MapGet($"{SignInPath}/oidc", (string? returnUrl) => Results.Challenge(
                new AuthenticationProperties { RedirectUri = ConsoleReturnUrl.Safe(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]));
        }
        app.MapPost(SignOutPath, async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect($"{SignInPath}?signedOut=1");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    private static Task RejectExpiredSession(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && ConsoleUser.IsOpen(principal, DateTimeOffset.UtcNow))
            return Task.CompletedTask;
        context.RejectPrincipal();
        return context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static void ConfigureOpenIdConnect(OpenIdConnectOptions options, AuthSettings settings, IConfiguration oidc)
    {
        options.Authority = settings.Authority;
        options.RequireHttpsMetadata = settings.Authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        options.ClientId = oidc["ClientId"];
        options.ClientSecret = oidc["ClientSecret"];
        options.ResponseType = "code";
        options.UsePkce = true;
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        foreach (var scope in (oidc["Scopes"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            options.Scope.Add(scope);
        options.Events.OnTokenValidated = context =>
        {
            // The session is the access token the gateway will see: its claims, its expiry.
            var accessToken = context.TokenEndpointResponse?.AccessToken;
            if (string.IsNullOrEmpty(accessToken))
            {
                context.Fail("The identity provider returned no access token.");
                return Task.CompletedTask;
            }
            var jwt = new JsonWebToken(accessToken);
            context.Principal = TokenSessions.PrincipalFor(accessToken, jwt.Claims, jwt.ValidTo);
            context.Properties!.ExpiresUtc = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
            return Task.CompletedTask;
        };
    }
}
