using NetArchTest.Rules;

namespace Clientele.Architecture.Tests;

/// <summary>Entities and engines are plain C#, so they can be unit-tested and benchmarked without a web host or a database.</summary>
public sealed class EngineAndDomainPurityTests
{
    private const string PureFolders = "Domain|Offers|Mining|Bundling|Segmentation|Vectors|Recognition|Scoring|Qualification|Phones";

    private static readonly string[] Frameworks = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore"];

    public static TheoryData<string> ModuleNames => Modules.Names;

    private static PredicateList PureTypesOf(string module) =>
        Types.InAssembly(Modules.AssemblyOf(module)).That()
            .ResideInNamespaceMatching($@"^{Modules.RootNamespace(module).Replace(".", @"\.", StringComparison.Ordinal)}\.({PureFolders})(\.|$)");

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Domain_and_engine_folders_use_neither_aspnet_nor_ef_core(string module)
    {
        var result = PureTypesOf(module).ShouldNot().HaveDependencyOnAny(Frameworks).GetResult();

        ArchitectureAssert.Passes(result,
            $"{module}: types in .{PureFolders.Replace("|", ", .", StringComparison.Ordinal)} must not depend on {string.Join(" or ", Frameworks)}.");
    }

    [Fact]
    public void The_rule_is_not_vacuous_banking_has_domain_types()
    {
        var domain = PureTypesOf("Banking").GetTypes().Select(t => t.FullName).ToList();

        Assert.Contains("Clientele.Banking.Domain.BankClient", domain);
        Assert.Contains("Clientele.Banking.Domain.CardTransaction", domain);
    }

    [Fact]
    public void The_rule_covers_the_leads_engines()
    {
        var engines = PureTypesOf("Leads").GetTypes().Select(t => t.FullName).ToList();

        Assert.Contains("Clientele.Leads.Qualification.QualificationBot", engines);
        Assert.Contains("Clientele.Leads.Phones.PhoneNormalizer", engines);
    }

    [Fact]
    public void The_rule_can_fail_banking_data_does_use_ef_core()
    {
        var data = Types.InAssembly(Modules.AssemblyOf("Banking")).That().ResideInNamespace("Clientele.Banking.Data")
            .ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult();

        Assert.False(data.IsSuccessful, "NetArchTest found no EF Core dependency in Clientele.Banking.Data; it is not reading the assemblies.");
        Assert.Contains("Clientele.Banking.Data.BankingDbContext", data.FailingTypeNames);
    }
}
