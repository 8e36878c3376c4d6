using QRCoder;

namespace Payouts.Console.Components.Pages.TwoFactor;

/// <summary>A QR code drawn on the server as a PNG data URI: no script, no request for the secret to leave the page.</summary>
public static class QrCodes
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
