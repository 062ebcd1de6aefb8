using Clientele.Dashboard.Tests.Support;
using Clientele.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Clientele.Dashboard.Tests;

public sealed class JobsPageTests(DashboardServer server, BrowserFixture browser) : IClassFixture<DashboardServer>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_jobs_page_follows_a_job_from_running_to_succeeded_and_shows_no_other_organizations_jobs()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/jobs");
        await Expect(page.Locator("#no-jobs")).ToBeVisibleAsync();

        await server.InOrganizationAsync(server.MainOrganizationId, s => s.GetRequiredService<JobQueue>().EnqueueAsync(GatedJob.KindName));

        var row = page.Locator("#jobs-table tbody tr", new() { HasText = GatedJob.KindName });
        await Expect(row.Locator(".job-status")).ToHaveTextAsync("running");
        await Expect(row.Locator(".job-progress")).ToHaveTextAsync("50");
        await Expect(row.Locator(".job-message")).ToHaveTextAsync("Half way");

        await server.InOrganizationAsync(server.OtherOrganizationId, s => s.GetRequiredService<JobQueue>().EnqueueAsync(GatedJob.KindName));
        server.JobGate.Release.TrySetResult();

        await Expect(row.Locator(".job-status")).ToHaveTextAsync("succeeded");
        await Expect(row.Locator(".job-progress")).ToHaveTextAsync("100");
        await Expect(page.Locator("#jobs-table tbody tr")).ToHaveCountAsync(1);
    }
}
