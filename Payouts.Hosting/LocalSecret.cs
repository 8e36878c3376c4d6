using System.Security.Cryptography;

namespace Payouts.Hosting;

/// <summary>
/// A random secret kept in a file of the AppHost's data folder (owner-only), made on first use, so a server's data and
/// the credentials it was initialised with stay in step across runs.
/// </summary>
public static class LocalSecret
{
    public static string ReadOrCreate(string file, int bytes = 16, Func<byte[], string>? format = null)
    {
        if (File.Exists(file))
        {
            var existing = File.ReadAllText(file).Trim();
            if (existing.Length > 0) return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var secret = (format ?? (b => Convert.ToHexString(b).ToLowerInvariant()))(RandomNumberGenerator.GetBytes(bytes));
        File.WriteAllText(file, secret);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return secret;
    }
}
