using System.Net.Http.Headers;
using System.Security.Cryptography;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Payouts.NotificationService.Data;
using Payouts.ServiceDefaults.Authentication;
using Payouts.Testing;

namespace Payouts.NotificationService.Tests.Support;

/// <summary>
/// NotificationService hosted once for the test assembly on its own PostgreSQL database and the private RabbitMQ. Tests
/// publish the platform's events on the real broker and read the result through the HTTP API; they isolate themselves
/// by using fresh user and company ids.
/// </summary>
public sealed class NotificationServiceFixture : IAsyncLifetime
{
    /// <summary>Failed attempts in a row after which an endpoint is disabled.</summary>
    public const int FailureThreshold = 4;

    private const string SigningKey = "notification-service-tests-signing-key-0123456789";
    private static long _nextId = 1_000 + (DateTime.UtcNow.Ticks % 1_000_000) * 1_000;

    private readonly LocalTokenIssuer _tokens = new(new AuthSettings(SigningKey));
    private NotificationServiceHost? _host;
    private SmtpSink? _mail;
    private SmtpGate? _smtp;

    public InfrastructureFixture Infrastructure { get; } = new();

    public Deliveries Deliveries { get; } = new();

    /// <summary>Plays PayoutService's user directory: whom the service mails.</summary>
    public RecipientDirectory Recipients { get; } = new();

    /// <summary>The real SMTP server mail reaches (smtp4dev), read through its API.</summary>
    public SmtpMailbox Mail => (_mail ?? throw new InvalidOperationException("The fixture has not started.")).Mailbox;

    /// <summary>Between the service and the sink: a test takes it down to see mail retried.</summary>
    public SmtpGate Smtp => _smtp ?? throw new InvalidOperationException("The fixture has not started.");

    private NotificationServiceHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        _mail = await SmtpSink.StartAsync();
        _smtp = new SmtpGate(_mail.SmtpPort);
        _host = new NotificationServiceHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:notificationsdb"] = await Infrastructure.CreateDatabaseAsync("notifications"),
            ["ConnectionStrings:messaging"] = Infrastructure.MessagingConnectionString,
            ["Auth:SigningKey"] = SigningKey,
            ["Notifications:Webhooks:Encryption:Keys:test-1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Notifications:Webhooks:Encryption:CurrentKeyId"] = "test-1",
            // Short timings: a retry a second after a failure, two at most; a slow receiver is cut off after 2 s.
            ["Notifications:Webhooks:Timeout"] = "00:00:02",
            ["Notifications:Webhooks:BackoffBase"] = "00:00:01",
            ["Notifications:Webhooks:BackoffCap"] = "00:00:02",
            ["Notifications:Webhooks:FailureThreshold"] = FailureThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Webhooks:RotationOverlap"] = "01:00:00",
            ["Notifications:Webhooks:PollInterval"] = "00:00:00.200",
            // The tests' receivers listen on 127.0.0.1 (any port); every other local or private target stays refused.
            ["Notifications:Webhooks:AllowedPrivateTargets:0"] = "127.0.0.1",
            // Email through the gate to smtp4dev; a failed attempt is retried after a second, then two.
            ["Notifications:Email:Host"] = "127.0.0.1",
            ["Notifications:Email:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Email:SecureSocketOptions"] = "None",
            ["Notifications:Email:Sender"] = "Payouts <no-reply@payouts.test>",
            ["Notifications:Email:Timeout"] = "00:00:05",
            ["Notifications:Email:BackoffBase"] = "00:00:01",
            ["Notifications:Email:BackoffCap"] = "00:00:02",
            ["Notifications:Email:PollInterval"] = "00:00:00.200",
        }, Deliveries);
        using var client = _host.CreateClient();
        await ServiceHealth.WaitAsync(client, "NotificationService");
        await Recipients.ConnectAsync(_host.Services.GetRequiredService<IBus>());
    }

    /// <summary>A user (or company, bank account) id no other test uses.</summary>
    public static long NewId() => Interlocked.Increment(ref _nextId);

    public static string NewUserId() => NewId().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string NewCompanyId() => $"company-{Guid.NewGuid():N}";

    /// <summary>Publishes <paramref name="message"/> on the broker as its service would, with the given message id (or a fresh one); returns the id.</summary>
    public async Task<Guid> PublishAsync<T>(T message, Guid? messageId = null, CancellationToken cancellationToken = default) where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        await Host.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = id, cancellationToken);
        return id;
    }

    public HttpClient ClientFor(string userId, string? companyId = null, string role = PayoutsRoles.User) =>
        ClientWithToken(_tokens.Issue(new AuthTokenRequest(userId, [role], companyId)));

    public HttpClient AnonymousClient() => Host.CreateClient();

    private HttpClient ClientWithToken(string token)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<T> QueryAsync<T>(Func<NotificationsDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_smtp is not null) await _smtp.DisposeAsync();
        if (_mail is not null) await _mail.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationServiceCollection : ICollectionFixture<NotificationServiceFixture>
{
    public const string Name = "notification-service";
}
