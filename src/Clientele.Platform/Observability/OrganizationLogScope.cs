using System.Diagnostics;
using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clientele.Platform.Observability;

/// <summary>Once the tenant is resolved, every log line of the request carries <c>OrganizationId</c>, and its trace the same tag.</summary>
public static class OrganizationLogScope
{
    public const string ScopeName = "OrganizationId";
    public const string TagName = "clientele.organization_id";

    public static IApplicationBuilder UseOrganizationLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Clientele.Requests");
        return app.Use(async (context, next) =>
        {
            var tenant = context.RequestServices.GetRequiredService<TenantContext>();
            if (!tenant.HasOrganization)
            {
                await next(context);
                return;
            }
            var organization = tenant.OrganizationId.ToString();
            Activity.Current?.SetTag(TagName, organization);
            using (logger.BeginScope(new Scope(organization)))
            {
                await next(context);
            }
        });
    }

    /// <summary>Structured for JSON logs (<c>"OrganizationId": "…"</c>) and readable as text.</summary>
    private sealed class Scope(string organization) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new(ScopeName, organization) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"{ScopeName}:{organization}";
    }
}
