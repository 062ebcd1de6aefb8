using Clientele.Platform.Data;
using Clientele.Platform.Identity;
using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clientele.Dashboard;

/// <summary>
/// An open dashboard circuit makes no HTTP requests for the cookie check to see, so every 30 s it asks the same question
/// (<see cref="SessionValidation"/>); when the user was deleted, disabled, demoted or signed out, the circuit's user
/// becomes anonymous and its pages send it to the login page.
/// </summary>
internal sealed class SessionRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await SessionValidation.IsCurrentAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(),
            scope.ServiceProvider.GetRequiredService<DefaultOrganization>(), authenticationState.User, cancellationToken);
    }
}
