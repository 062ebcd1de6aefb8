using Clientele.Banking;
using Clientele.Churn;
using Clientele.Dashboard;
using Clientele.Leads;
using Clientele.Platform;
using Clientele.Platform.Cli;
using Clientele.Retail;
using Clientele.Visitors;

var verb = CommandLine.IsVerb(args);
// Verbs that need no database (retail mine) run before the host is built, so they start in a fraction of the time.
if (verb && await CommandLine.TryRunWithoutHostAsync(RetailModule.HostlessVerbs, args, CancellationToken.None) is { } exitCode)
{
    return exitCode;
}

// A verb's words (paths, slugs) are not configuration; the host then reads appsettings and environment only.
var builder = WebApplication.CreateBuilder(verb ? [] : args);

builder.Services.AddClientelePlatform();
builder.Services.AddBanking(builder.Configuration);
builder.Services.AddRetail(builder.Configuration);
builder.Services.AddChurn(builder.Configuration);
builder.Services.AddVisitors(builder.Configuration);
builder.Services.AddLeads(builder.Configuration);
builder.Services.AddClienteleDashboard(typeof(BankingModule).Assembly, typeof(RetailModule).Assembly, typeof(ChurnModule).Assembly, typeof(VisitorsModule).Assembly,
    typeof(LeadsModule).Assembly);

var app = builder.Build();

if (verb)
{
    return await CommandLine.RunAsync(app.Services, args, Console.Out, app.Lifetime.ApplicationStopping);
}

app.UseClientelePlatform();
app.UseClienteleDashboard();
app.MapClientelePlatform();
app.MapBanking();
app.MapRetail();
app.MapChurn();
app.MapVisitors();
app.MapLeads();
app.MapClienteleDashboard();

await app.PrepareDatabaseAsync();
StartupBanner.PrintWhenStarted(app);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
