namespace Payouts.Hosting;

/// <summary>The wrapper scripts (Scripts/*.sh) copied beside the assembly.</summary>
internal static class HostingScripts
{
    public static string Path(string name)
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "Scripts", name);
        return File.Exists(path) ? path : throw new HostingSetupException("apphost", $"{path} is missing (rebuild the AppHost).");
    }
}
