namespace Payouts.AppHost.Hosting;

/// <summary>The <c>dotnet</c> executable that runs built project assemblies (the one running us when possible).</summary>
public static class DotnetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        // The SDK sets DOTNET_HOST_PATH for `dotnet run` and `dotnet test`.
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
            return hostPath;
        if (Environment.ProcessPath is { } processPath && System.IO.Path.GetFileNameWithoutExtension(processPath) == "dotnet")
            return processPath;
        return "dotnet";
    }
}
