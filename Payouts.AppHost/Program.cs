using Payouts.AppHost.Cli;

try
{
    var commandLine = CommandLine.Parse(args, new HashSet<string> { "ephemeral", "no-color" });
    if (commandLine.Has("help"))
    {
        Console.WriteLine(Usage.Text);
        return 0;
    }
    return commandLine.Command switch
    {
        "run" => await RunCommand.RunAsync(commandLine),
        "token" => TokenCommand.Run(commandLine),
        _ => throw new UsageException($"unknown command '{commandLine.Command}'."),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine();
    Console.Error.WriteLine(Usage.Text);
    return 2;
}
