using Clientele.Platform.Modules;
using NetArchTest.Rules;

namespace Clientele.Architecture.Tests;

public sealed class PlatformIndependenceTests
{
    private static readonly System.Reflection.Assembly Platform = typeof(ModuleCatalog).Assembly;

    [Fact]
    public void The_platform_uses_no_type_of_any_module()
    {
        var result = Types.InAssembly(Platform).ShouldNot().HaveDependencyOnAny(Modules.AllRootNamespaces).GetResult();

        ArchitectureAssert.Passes(result, "Clientele.Platform is what modules build on; it must not know any of them.");
    }

    [Fact]
    public void The_platform_assembly_references_no_module_assembly()
    {
        var modules = Modules.EntryPoints.Values.Select(t => t.Assembly.GetName().Name).ToHashSet();

        var referenced = Platform.GetReferencedAssemblies().Select(a => a.Name).Where(modules.Contains).ToList();

        Assert.True(referenced.Count == 0, $"Clientele.Platform references module assemblies: {string.Join(", ", referenced)}");
    }
}
