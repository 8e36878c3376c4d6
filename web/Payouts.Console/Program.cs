using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Payouts.Console.Api;
using Payouts.Console.Authentication;
using Payouts.Console.Components;
using Payouts.Console.Drafts;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddConsoleAuthentication();

// The session's end is checked against it (ExpiringSessionStateProvider).
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddScoped<FormDrafts>();
builder.Services.AddConsoleApi(builder.Configuration);

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapSessionEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
