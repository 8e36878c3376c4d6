namespace Payouts.AppHost.Platform;

/// <summary>
/// A project of the platform as the AppHost wires it: its database, whether it uses the broker, the services it
/// calls (one <c>services__&lt;name&gt;__http__&lt;i&gt;</c> entry per replica) and those it waits for before starting.
/// </summary>
public sealed record ProjectDefinition(
    string Name,
    string? Database,
    bool UsesMessaging,
    IReadOnlyList<string> References,
    IReadOnlyList<string> WaitFor);
