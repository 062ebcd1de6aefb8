using System.Reflection;
using NetArchTest.Rules;

namespace Clientele.Architecture.Tests;

/// <summary>The server is the composition root: it calls each module's <c>AddXxx</c>/<c>MapXxx</c> and nothing else of it.</summary>
public sealed class ServerCompositionTests
{
    private static readonly Assembly Server = typeof(Program).Assembly;

    /// <summary>Every namespace of a module below its root, and every root type other than its module class.</summary>
    private static IEnumerable<string> InsidesOf(string module)
    {
        var root = Modules.RootNamespace(module);
        var entryPoint = Modules.EntryPoint(module);
        var types = Modules.AssemblyOf(module).GetTypes()
            .Where(t => !t.IsNested && t.Namespace is not null && (t.Namespace == root || t.Namespace.StartsWith(root + ".", StringComparison.Ordinal)))
            .ToList();
        var subNamespaces = types.Where(t => t.Namespace != root).Select(t => t.Namespace!).Distinct();
        var rootTypes = types.Where(t => t.Namespace == root && t != entryPoint && !t.Name.StartsWith('<')).Select(t => t.FullName!);
        return subNamespaces.Concat(rootTypes);
    }

    private static string[] AllModuleInsides => Modules.EntryPoints.Keys.SelectMany(InsidesOf).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_server_reaches_modules_only_through_their_module_classes()
    {
        var forbidden = AllModuleInsides;

        var result = Types.InAssembly(Server).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        ArchitectureAssert.Passes(result,
            "Clientele.Server may use only BankingModule, RetailModule, ChurnModule, VisitorsModule and LeadsModule; " +
            $"it must not use: {string.Join(", ", forbidden)}.");
    }

    [Fact]
    public void The_forbidden_list_covers_the_inside_of_banking()
    {
        var insides = InsidesOf("Banking").ToList();

        Assert.Contains("Clientele.Banking.Api", insides);
        Assert.Contains("Clientele.Banking.Data", insides);
        Assert.Contains("Clientele.Banking.Domain", insides);
        Assert.DoesNotContain(typeof(Clientele.Banking.BankingModule).FullName!, insides);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void The_server_does_use_every_module_class(string module)
    {
        var entryPoint = Modules.EntryPoint(module).FullName!;

        var users = Types.InAssembly(Server).That().HaveDependencyOn(entryPoint).GetTypes().ToList();

        Assert.True(users.Count > 0, $"Clientele.Server does not call {entryPoint}; is the module registered?");
    }

    public static TheoryData<string> ModuleNames => Modules.Names;
}
