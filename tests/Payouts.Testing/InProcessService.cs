using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payouts.Testing;

/// <summary>
/// A service in process on a real database: the Testing environment (not Development, so a test states every setting it
/// relies on instead of inheriting the documented defaults), no log output, and its database migrated before anything
/// starts, as the AppHost's migrate step does. Typed by the service's DbContext, not Program: the AppHost (referenced
/// through Payouts.Testing) has a Program too.
/// </summary>
public abstract class InProcessService<TContext> : WebApplicationFactory<TContext>
    where TContext : DbContext
{
    /// <summary>The configuration the test gives the service.</summary>
    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Replaces the service's own registrations where a test needs to.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            services.AddHostedService<MigrateBeforeStart<TContext>>();
            ConfigureTestServices(services);
        });
    }
}
