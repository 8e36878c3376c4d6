using System.Security.Cryptography;

namespace Payouts.AppHost.Platform;

/// <summary>
/// The symmetric key that signs local tokens (<c>Auth__SigningKey</c>): 48 random bytes as base64, generated once and
/// kept in the data folder, so tokens minted by the <c>token</c> command stay valid across runs.
/// </summary>
public static class DevSigningKey
{
    public const string FileName = "dev-signing-key";

    public static string LoadOrCreate(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, FileName);
        if (File.Exists(file))
        {
            var existing = File.ReadAllText(file).Trim();
            if (existing.Length >= 32) return existing;
        }

        Directory.CreateDirectory(dataDirectory);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        File.WriteAllText(file, key);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
