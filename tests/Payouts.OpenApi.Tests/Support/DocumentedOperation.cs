namespace Payouts.OpenApi.Tests.Support;

/// <summary>One operation of a public document, and the service whose part documented it.</summary>
public sealed record DocumentedOperation(string Document, string Service, string Method, string Path, bool NeedsAdmin)
{
    public override string ToString() => $"{Method} {Path} ({Document} document, {Service})";
}
