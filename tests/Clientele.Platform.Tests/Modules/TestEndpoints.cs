using Clientele.Platform.Errors;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Clientele.Platform.Tests.Modules;

/// <summary>Real route endpoints as minimal APIs would build them, owned by a module or (without one) by the platform.</summary>
internal static class TestEndpoints
{
    public static ModuleDescriptor Module(string name, string pathBase = "/") =>
        new(name, name + " title", pathBase, FastApiErrorShape.Instance, AnonymousInDevelopment: false);

    public static RouteEndpoint Route(string method, string pattern, ModuleDescriptor? module)
    {
        var metadata = new List<object> { new HttpMethodMetadata([method]) };
        if (module is not null)
        {
            metadata.Add(module);
        }
        return new RouteEndpoint(
            _ => Task.CompletedTask,
            RoutePatternFactory.Parse(pattern),
            order: 0,
            new EndpointMetadataCollection(metadata),
            displayName: $"{method} {pattern}");
    }
}
