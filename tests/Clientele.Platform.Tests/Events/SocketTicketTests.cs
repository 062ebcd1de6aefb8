using System.Security.Claims;
using Clientele.Platform.Events.Realtime;
using Clientele.Platform.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clientele.Platform.Tests.Events;

public sealed class SocketTicketTests
{
    private static readonly ClaimsPrincipal Caller = new(new ClaimsIdentity(
        [new Claim(ModuleAccess.OrganizationClaim, Guid.NewGuid().ToString()), new Claim(ModuleAccess.ScopeClaim, "retail:read"), new Claim(ModuleAccess.ScopeClaim, "leads:write")],
        "ApiKey"));

    private static SocketTickets Tickets(IDataProtectionProvider? protection = null) =>
        new(protection ?? new EphemeralDataProtectionProvider(), new ConfigurationBuilder().Build(), NullLogger<SocketTickets>.Instance);

    [Fact]
    public async Task A_ticket_carries_the_callers_claims_once()
    {
        var tickets = Tickets();
        var ticket = tickets.Issue(Caller);

        var first = await tickets.RedeemAsync(ticket, CancellationToken.None);
        var second = await tickets.RedeemAsync(ticket, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(Caller.Claims.Select(c => (c.Type, c.Value)), first.Claims.Select(c => (c.Type, c.Value)));
        Assert.True(ModuleAccess.Allows(first, "retail", Access.Read));
        Assert.False(ModuleAccess.Allows(first, "banking", Access.Read));
        Assert.Null(second);
    }

    [Fact]
    public async Task An_expired_ticket_or_one_from_other_keys_is_refused()
    {
        var tickets = Tickets();
        var expired = tickets.Issue(Caller, TimeSpan.FromSeconds(-1));
        var foreign = Tickets().Issue(Caller);

        Assert.Null(await tickets.RedeemAsync(expired, CancellationToken.None));
        Assert.Null(await tickets.RedeemAsync(foreign, CancellationToken.None));
        Assert.Null(await tickets.RedeemAsync("", CancellationToken.None));
        Assert.Null(await tickets.RedeemAsync("%%%", CancellationToken.None));
    }
}
