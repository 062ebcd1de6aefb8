using System.Reflection;

namespace Clientele.Architecture.Tests;

/// <summary>The five business modules: each one's assembly, root namespace and the one class the server may call.</summary>
internal static class Modules
{
    public static readonly IReadOnlyDictionary<string, Type> EntryPoints = new Dictionary<string, Type>
    {
        ["Banking"] = typeof(Clientele.Banking.BankingModule),
        ["Retail"] = typeof(Clientele.Retail.RetailModule),
        ["Churn"] = typeof(Clientele.Churn.ChurnModule),
        ["Visitors"] = typeof(Clientele.Visitors.VisitorsModule),
        ["Leads"] = typeof(Clientele.Leads.LeadsModule),
    };

    public static TheoryData<string> Names => [.. EntryPoints.Keys];

    public static Type EntryPoint(string module) => EntryPoints[module];

    public static Assembly AssemblyOf(string module) => EntryPoint(module).Assembly;

    public static string RootNamespace(string module) => EntryPoint(module).Namespace!;

    public static string[] RootNamespacesExcept(string module) =>
        EntryPoints.Keys.Where(m => m != module).Select(RootNamespace).ToArray();

    public static string[] AllRootNamespaces => EntryPoints.Keys.Select(RootNamespace).ToArray();
}
