namespace Payouts.Hosting.Smtp;

/// <summary>How smtp4dev is run here (the AppHost's <c>mail</c> resource and the tests' own sink): the repository's local tool, loopback only, no TLS, mail in memory.</summary>
public static class Smtp4devArguments
{
    public static string[] For(int web, int smtp, int imap, int pop3, int messagesToKeep) =>
    [
        "tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{web}", $"--smtpport={smtp}", $"--imapport={imap}", $"--pop3port={pop3}",
        "--bindaddress=127.0.0.1", "--hostname=localhost", "--db=", "--nousersettings", "--tlsmode=None", $"--messagestokeep={messagesToKeep}",
    ];
}
