using Payouts.Hosting;

namespace Payouts.AppHost;

/// <summary>
/// The symmetric key that signs local tokens (<c>Auth__SigningKey</c>): 48 random bytes as base64, made once and kept
/// in the data folder, so tokens minted by the <c>token</c> command stay valid across runs.
/// </summary>
internal static class DevSigningKey
{
    public static string LoadOrCreate(string dataDirectory) =>
        LocalSecret.ReadOrCreate(Path.Combine(dataDirectory, "dev-signing-key"), bytes: 48, format: Convert.ToBase64String);
}
