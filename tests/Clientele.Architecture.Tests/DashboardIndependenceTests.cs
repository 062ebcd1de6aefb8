using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;

namespace Clientele.Architecture.Tests;

/// <summary>The dashboard is a shell over the platform: module pages come in through the assemblies the server passes it.</summary>
public sealed class DashboardIndependenceTests
{
    private static readonly System.Reflection.Assembly Dashboard = typeof(Clientele.Dashboard.DashboardRegistration).Assembly;

    [Fact]
    public void The_dashboard_uses_no_type_of_any_module()
    {
        var result = Types.InAssembly(Dashboard).ShouldNot().HaveDependencyOnAny(Modules.AllRootNamespaces).GetResult();

        ArchitectureAssert.Passes(result, "Clientele.Dashboard builds on the platform only; a module's pages live in the module.");
    }

    [Fact]
    public void The_dashboard_assembly_references_the_platform_and_no_module_assembly()
    {
        var modules = Modules.EntryPoints.Values.Select(t => t.Assembly.GetName().Name).ToHashSet();

        var referenced = Dashboard.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain(referenced, modules.Contains);
        Assert.Contains("Clientele.Platform", referenced);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_keeps_its_dashboard_pages_in_its_Pages_folder(string module)
    {
        var pages = $"{Modules.RootNamespace(module)}.Pages";

        var result = Types.InAssembly(Modules.AssemblyOf(module)).That().Inherit(typeof(ComponentBase))
            .Should().ResideInNamespace(pages).GetResult();

        ArchitectureAssert.Passes(result, $"{module}: Razor components belong in {pages}.");
    }

    [Fact]
    public void Banking_has_routable_pages()
    {
        var routable = Modules.AssemblyOf("Banking").GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(RouteAttribute), inherit: false).Length > 0).Select(t => t.FullName).ToList();

        Assert.Contains("Clientele.Banking.Pages.ClientList", routable);
        Assert.Contains("Clientele.Banking.Pages.ClientProfile", routable);
    }

    [Fact]
    public void Retail_has_routable_pages()
    {
        var routable = Modules.AssemblyOf("Retail").GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(RouteAttribute), inherit: false).Length > 0).Select(t => t.FullName).ToList();

        Assert.Contains("Clientele.Retail.Pages.SalesOverviewPage", routable);
        Assert.Contains("Clientele.Retail.Pages.RulesExplorer", routable);
        Assert.Contains("Clientele.Retail.Pages.BundleBuilder", routable);
        Assert.Contains("Clientele.Retail.Pages.SegmentProfiles", routable);
        Assert.Contains("Clientele.Retail.Pages.CustomerList", routable);
    }

    public static TheoryData<string> ModuleNames => Modules.Names;
}
