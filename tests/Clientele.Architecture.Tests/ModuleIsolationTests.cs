using NetArchTest.Rules;

namespace Clientele.Architecture.Tests;

public sealed class ModuleIsolationTests
{
    public static TheoryData<string> ModuleNames => Modules.Names;

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_uses_no_type_of_another_module(string module)
    {
        var others = Modules.RootNamespacesExcept(module);

        var result = Types.InAssembly(Modules.AssemblyOf(module)).ShouldNot().HaveDependencyOnAny(others).GetResult();

        ArchitectureAssert.Passes(result,
            $"{module} must not depend on {string.Join(", ", others)}; what one module tells another goes through a platform event.");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_assembly_references_no_other_module_assembly(string module)
    {
        var others = Modules.EntryPoints.Keys.Where(m => m != module).Select(m => Modules.AssemblyOf(m).GetName().Name).ToHashSet();

        var referenced = Modules.AssemblyOf(module).GetReferencedAssemblies().Select(a => a.Name).Where(others.Contains).ToList();

        Assert.True(referenced.Count == 0, $"{module} references the assemblies of other modules: {string.Join(", ", referenced)}");
        Assert.Contains(Modules.AssemblyOf(module).GetReferencedAssemblies(), a => a.Name == "Clientele.Platform");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_keeps_all_its_types_under_its_own_namespace(string module)
    {
        var root = Modules.RootNamespace(module);

        var result = Types.InAssembly(Modules.AssemblyOf(module))
            .That().AreNotNested().And().DoNotHaveNameStartingWith("<")
            // Compiler and source-generator output (embedded attributes, generated regexes) lives under System and Microsoft.
            .And().DoNotResideInNamespaceStartingWith("System").And().DoNotResideInNamespaceStartingWith("Microsoft")
            .Should().ResideInNamespaceMatching($@"^{root.Replace(".", @"\.", StringComparison.Ordinal)}(\.|$)").GetResult();

        ArchitectureAssert.Passes(result, $"Every type of {module} lives under {root}, so that namespace rules about modules hold.");
    }
}
