using Clientele.Platform.Modules;
using static Clientele.Platform.Tests.Modules.TestEndpoints;

namespace Clientele.Platform.Tests.Modules;

public sealed class RouteOverlapGuardTests
{
    private static readonly ModuleDescriptor Banking = Module("banking");
    private static readonly ModuleDescriptor Churn = Module("churn");

    [Fact]
    public void Two_modules_serving_the_same_method_and_path_are_refused_with_both_names_and_the_route()
    {
        var endpoints = new[] { Route("GET", "/api/health", Banking), Route("GET", "/api/health", Churn) };

        var error = Assert.Throws<InvalidOperationException>(() => RouteOverlapGuard.ThrowIfModulesOverlap(endpoints));

        Assert.Contains("'banking'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'churn'", error.Message, StringComparison.Ordinal);
        Assert.Contains("GET /api/health", error.Message, StringComparison.Ordinal);
        Assert.Contains("PathBase", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_path_under_different_methods_is_allowed()
    {
        var endpoints = new[] { Route("GET", "/api/clients", Banking), Route("POST", "/api/clients", Churn) };

        var error = Record.Exception(() => RouteOverlapGuard.ThrowIfModulesOverlap(endpoints));

        Assert.Null(error);
    }

    [Fact]
    public void A_parameter_segment_overlaps_a_literal_segment_in_the_same_place()
    {
        var endpoints = new[] { Route("GET", "/api/clients/{client_code}", Banking), Route("GET", "/api/clients/export", Churn) };

        var error = Assert.Throws<InvalidOperationException>(() => RouteOverlapGuard.ThrowIfModulesOverlap(endpoints));

        Assert.Contains("/api/clients/{client_code}", error.Message, StringComparison.Ordinal);
        Assert.Contains("/api/clients/export", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_literals_before_the_parameters_never_overlap()
    {
        var endpoints = new[] { Route("GET", "/a/{x}", Banking), Route("GET", "/b/{y}", Churn) };

        Assert.Null(Record.Exception(() => RouteOverlapGuard.ThrowIfModulesOverlap(endpoints)));
    }

    [Fact]
    public void Routes_with_different_segment_counts_never_overlap()
    {
        var endpoints = new[] { Route("GET", "/api/clients", Banking), Route("GET", "/api/clients/{client_code}", Churn) };

        Assert.Null(Record.Exception(() => RouteOverlapGuard.ThrowIfModulesOverlap(endpoints)));
    }

    [Fact]
    public void A_catch_all_overlaps_every_deeper_path_under_its_prefix()
    {
        var endpoints = new[] { Route("GET", "/files/{**path}", Banking), Route("GET", "/files/a/b", Churn) };

        Assert.Throws<InvalidOperationException>(() => RouteOverlapGuard.ThrowIfModulesOverlap(endpoints));
    }

    [Fact]
    public void A_catch_all_does_not_overlap_a_path_with_another_prefix()
    {
        var endpoints = new[] { Route("GET", "/files/{**path}", Banking), Route("GET", "/other/a/b", Churn) };

        Assert.Null(Record.Exception(() => RouteOverlapGuard.ThrowIfModulesOverlap(endpoints)));
    }

    [Fact]
    public void Literal_segments_are_compared_without_regard_to_case()
    {
        var endpoints = new[] { Route("GET", "/API/Health", Banking), Route("GET", "/api/health", Churn) };

        Assert.Throws<InvalidOperationException>(() => RouteOverlapGuard.ThrowIfModulesOverlap(endpoints));
    }

    [Fact]
    public void Two_endpoints_of_the_same_module_never_conflict()
    {
        var endpoints = new[] { Route("GET", "/api/clients/{client_code}", Banking), Route("GET", "/api/clients/export", Banking) };

        Assert.Null(Record.Exception(() => RouteOverlapGuard.ThrowIfModulesOverlap(endpoints)));
    }

    [Fact]
    public void An_endpoint_without_module_metadata_belongs_to_the_platform()
    {
        var endpoints = new[] { Route("GET", "/health", module: null), Route("GET", "/health", Banking) };

        var error = Assert.Throws<InvalidOperationException>(() => RouteOverlapGuard.ThrowIfModulesOverlap(endpoints));

        Assert.Contains($"'{ModuleCatalog.PlatformName}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'banking'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_platform_endpoints_without_module_metadata_never_conflict()
    {
        var endpoints = new[] { Route("GET", "/health", module: null), Route("GET", "/{**slug}", module: null) };

        Assert.Null(Record.Exception(() => RouteOverlapGuard.ThrowIfModulesOverlap(endpoints)));
    }

    [Fact]
    public void An_optional_parameter_makes_a_route_overlap_the_route_one_segment_shorter()
    {
        // "/api/segments/{id?}" also answers "/api/segments", so with both modules at path base "/" one would shadow the other.
        var endpoints = new[] { Route("GET", "/api/segments/{id?}", Banking), Route("GET", "/api/segments", Churn) };

        Assert.Throws<InvalidOperationException>(() => RouteOverlapGuard.ThrowIfModulesOverlap(endpoints));
    }
}
