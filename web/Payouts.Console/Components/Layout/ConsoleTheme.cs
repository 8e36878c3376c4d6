using MudBlazor;

namespace Payouts.Console.Components.Layout;

/// <summary>
/// MudBlazor's palette with its status colours darkened until text in them reaches WCAG AA contrast (4.5:1) on white and
/// on their own light alert backgrounds; the default error, warning, success and info colours fall short (2.2–3.7:1).
/// The accessibility test (axe-core) checks every page against it.
/// </summary>
public static class ConsoleTheme
{
    public static MudTheme Instance { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Error = "#C62828",
            Warning = "#8A5300",
            Success = "#2E7D32",
            Info = "#1565C0",
        },
    };
}
