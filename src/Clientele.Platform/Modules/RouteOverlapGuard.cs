using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Clientele.Platform.Modules;

/// <summary>Refuses to start when two modules serve the same method on routes that can match the same path.</summary>
public static class RouteOverlapGuard
{
    public static void ThrowIfModulesOverlap(IEnumerable<Endpoint> endpoints)
    {
        var routes = endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Module: e.Metadata.GetMetadata<ModuleDescriptor>()?.Name ?? ModuleCatalog.PlatformName,
                Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(r => r.Endpoint.Order == 0 && r.Endpoint.RoutePattern.RawText is not null)
            .ToList();
        for (var i = 0; i < routes.Count; i++)
        {
            for (var j = i + 1; j < routes.Count; j++)
            {
                var (a, b) = (routes[i], routes[j]);
                if (a.Module != b.Module && MethodsOverlap(a.Methods, b.Methods) && PatternsOverlap(a.Endpoint.RoutePattern, b.Endpoint.RoutePattern))
                {
                    throw new InvalidOperationException(
                        $"Route conflict: module '{a.Module}' serves '{Describe(a.Methods)} /{a.Endpoint.RoutePattern.RawText!.TrimStart('/')}' " +
                        $"and module '{b.Module}' serves '{Describe(b.Methods)} /{b.Endpoint.RoutePattern.RawText!.TrimStart('/')}'. " +
                        "Give one of them another path base (Clientele:Modules:<name>:PathBase).");
                }
            }
        }
    }

    private static bool MethodsOverlap(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == 0 || b.Count == 0 || a.Intersect(b, StringComparer.OrdinalIgnoreCase).Any();

    private static string Describe(IReadOnlyList<string> methods) => methods.Count == 0 ? "*" : string.Join(',', methods);

    internal static bool PatternsOverlap(RoutePattern a, RoutePattern b)
    {
        var sa = a.PathSegments;
        var sb = b.PathSegments;
        for (var i = 0; ; i++)
        {
            var endA = i >= sa.Count;
            var endB = i >= sb.Count;
            if (endA && endB)
            {
                return true;
            }
            if (!endA && IsCatchAll(sa[i]) || !endB && IsCatchAll(sb[i]))
            {
                return true;
            }
            if (endA || endB)
            {
                return (endA ? sb : sa).Skip(i).All(IsOptional);
            }
            var literalA = Literal(sa[i]);
            var literalB = Literal(sb[i]);
            if (literalA is not null && literalB is not null && !literalA.Equals(literalB, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
    }

    private static bool IsOptional(RoutePatternPathSegment segment) =>
        segment.IsSimple && segment.Parts[0] is RoutePatternParameterPart { IsOptional: true } or RoutePatternParameterPart { Default: not null };

    private static bool IsCatchAll(RoutePatternPathSegment segment) =>
        segment.Parts.Any(p => p is RoutePatternParameterPart { IsCatchAll: true });

    private static string? Literal(RoutePatternPathSegment segment) =>
        segment.IsSimple && segment.Parts[0] is RoutePatternLiteralPart literal ? literal.Content : null;
}
