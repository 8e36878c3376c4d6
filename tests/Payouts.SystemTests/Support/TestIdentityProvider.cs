using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Payouts.Hosting;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.SystemTests.Support;

/// <summary>
/// An OpenID Connect provider on loopback for the platform started with <c>--auth-authority</c>: discovery, JWKS (RS256),
/// the authorization code flow with PKCE (S256 only) for one confidential client, and a sign-in form for the accounts a
/// test registers. It issues what a real provider configured for the platform would: an id token for the console and an
/// access token for the gateway (audience <c>payouts</c>, the platform's <c>sub</c>, <c>role</c> and <c>company_id</c>).
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "payouts-console";

    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(1);

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _signingKey;
    private readonly JsonWebTokenHandler _tokens = new();
    private readonly ConcurrentDictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _redirectUris = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _redeemed = new();

    private TestIdentityProvider(int port)
    {
        Authority = $"http://127.0.0.1:{port}";
        _signingKey = new RsaSecurityKey(_rsa) { KeyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) };

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Authority);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", Discovery);
        _app.MapGet("/jwks", Keys);
        _app.MapGet("/authorize", (HttpRequest request) => Refusal(request.Query) is { } refused ? Results.BadRequest(refused) : SignInForm(request.Query, error: null));
        _app.MapPost("/authorize", AuthorizeAsync);
        _app.MapPost("/token", TokenAsync);
    }

    /// <summary>The issuer and the platform's <c>--auth-authority</c>.</summary>
    public string Authority { get; }

    public string ClientSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>How long the access tokens it issues last (the console session's length).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The access tokens the token endpoint gave out for codes, oldest first.</summary>
    public IReadOnlyCollection<string> RedeemedAccessTokens => _redeemed;

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var provider = new TestIdentityProvider(FreePort.Next());
        await provider._app.StartAsync();
        return provider;
    }

    /// <summary>An account that can sign in on the provider's form with <paramref name="username"/>.</summary>
    public void AddAccount(string username, string subject, string role, string? companyId = null) =>
        _accounts[username] = new Account(subject, role, companyId);

    /// <summary>The console's callback, registered once its address is known: codes go to no other address.</summary>
    public void AllowRedirectUri(Uri redirectUri) => _redirectUris[redirectUri.AbsoluteUri] = 0;

    /// <summary>An access token for <paramref name="username"/>, as the provider would issue it, for a test's own API calls.</summary>
    public string AccessTokenFor(string username) => AccessToken(_accounts[username]);

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["authorization_endpoint"] = $"{Authority}/authorize",
        ["token_endpoint"] = $"{Authority}/token",
        ["jwks_uri"] = $"{Authority}/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query", "form_post" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        ["scopes_supported"] = new[] { "openid", "profile" },
    });

    private IResult Keys()
    {
        var publicKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(includePrivateParameters: false)) { KeyId = _signingKey.KeyId });
        return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = publicKey.Kid, n = publicKey.N, e = publicKey.E } } });
    }

    private IResult SignInForm(IEnumerable<KeyValuePair<string, StringValues>> parameters, string? error)
    {
        var hidden = new StringBuilder();
        foreach (var (name, value) in parameters.Where(p => p.Key != "username"))
            hidden.Append($"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode(value.ToString())}\">");
        var alert = error is null ? "" : $"<p role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        return Results.Content(
            $"<!doctype html><html lang=\"en\"><head><title>Test identity provider</title></head><body><main><h1>Test identity provider</h1>{alert}" +
            $"<form method=\"post\" action=\"/authorize\">{hidden}<label for=\"username\">Username</label><input id=\"username\" name=\"username\" autocomplete=\"username\">" +
            "<button type=\"submit\">Continue</button></form></main></body></html>",
            "text/html; charset=utf-8");
    }

    private async Task<IResult> AuthorizeAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        string Field(string name) => form[name].ToString();

        if (Refusal(form) is { } refused) return Results.BadRequest(refused);
        if (!_accounts.TryGetValue(Field("username"), out var account)) return SignInForm(form, "No such account.");

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new IssuedCode(account, Field("redirect_uri"), Field("code_challenge"), NullIfEmpty(Field("nonce")), DateTimeOffset.UtcNow + CodeLifetime);
        var answer = new Dictionary<string, string> { ["code"] = code };
        if (Field("state") is { Length: > 0 } state) answer["state"] = state;
        return Field("response_mode") == "form_post"
            ? FormPost(Field("redirect_uri"), answer)
            : Results.Redirect($"{Field("redirect_uri")}?{string.Join('&', answer.Select(a => $"{a.Key}={Uri.EscapeDataString(a.Value)}"))}");
    }

    /// <summary>What a provider checks before it shows anything to the user: a request it cannot answer is refused outright.</summary>
    private string? Refusal(IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        var fields = parameters.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        string Field(string name) => fields.GetValueOrDefault(name, "");
        if (Field("client_id") != ClientId) return "unknown client_id";
        if (!_redirectUris.ContainsKey(Field("redirect_uri"))) return "redirect_uri is not registered";
        if (Field("response_type") != "code") return "only response_type=code";
        if (Field("code_challenge_method") != "S256" || Field("code_challenge").Length < 43) return "PKCE with S256 is required";
        if (!Field("scope").Split(' ').Contains("openid")) return "scope must include openid";
        return null;
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        string Field(string name) => form[name].ToString();

        var (clientId, clientSecret) = ClientCredentials(request, Field("client_id"), Field("client_secret"));
        if (clientId != ClientId || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(ClientSecret)))
            return TokenError("invalid_client", HttpStatusCode.Unauthorized);
        if (Field("grant_type") != "authorization_code") return TokenError("unsupported_grant_type");
        // A code is good once, for its redirect URI, before it expires, and only with the verifier of its challenge.
        if (!_codes.TryRemove(Field("code"), out var issued) || issued.ExpiresAt < DateTimeOffset.UtcNow || issued.RedirectUri != Field("redirect_uri"))
            return TokenError("invalid_grant");
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Field("code_verifier"))));
        if (challenge != issued.CodeChallenge) return TokenError("invalid_grant");

        var accessToken = AccessToken(issued.Account);
        _redeemed.Enqueue(accessToken);
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
            ["id_token"] = IdToken(issued.Account, issued.Nonce),
        });
    }

    private string AccessToken(Account account)
    {
        var claims = new Dictionary<string, object> { [PayoutsClaimTypes.Role] = account.Role };
        if (account.CompanyId is not null) claims[PayoutsClaimTypes.CompanyId] = account.CompanyId;
        return Sign(account.Subject, AuthSettings.DefaultAudience, AccessTokenLifetime, claims);
    }

    private string IdToken(Account account, string? nonce)
    {
        var claims = new Dictionary<string, object>();
        if (nonce is not null) claims["nonce"] = nonce;
        return Sign(account.Subject, ClientId, TimeSpan.FromMinutes(5), claims);
    }

    private string Sign(string subject, string audience, TimeSpan lifetime, Dictionary<string, object> claims)
    {
        var now = DateTime.UtcNow;
        return _tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim(PayoutsClaimTypes.Subject, subject)]),
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(_signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private static (string Id, string Secret) ClientCredentials(HttpRequest request, string formId, string formSecret)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return (formId, formSecret);
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
        return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : ("", "");
    }

    private static IResult FormPost(string redirectUri, Dictionary<string, string> fields)
    {
        var inputs = string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{f.Key}\" value=\"{WebUtility.HtmlEncode(f.Value)}\">"));
        return Results.Content(
            $"<!doctype html><html lang=\"en\"><head><title>Signing in</title></head><body onload=\"document.forms[0].submit()\">" +
            $"<form method=\"post\" action=\"{WebUtility.HtmlEncode(redirectUri)}\">{inputs}<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>",
            "text/html; charset=utf-8");
    }

    private static IResult TokenError(string error, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        Results.Json(new { error }, statusCode: (int)status);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }

    private sealed record Account(string Subject, string Role, string? CompanyId);

    private sealed record IssuedCode(Account Account, string RedirectUri, string CodeChallenge, string? Nonce, DateTimeOffset ExpiresAt);
}
