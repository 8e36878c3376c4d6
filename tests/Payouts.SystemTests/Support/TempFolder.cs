namespace Payouts.SystemTests.Support;

internal static class TempFolder
{
    /// <summary>Removes a test's data folder; one still in use is left to the OS temp cleaner.</summary>
    public static void Delete(string path)
    {
        try { Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
