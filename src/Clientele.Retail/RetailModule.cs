using Clientele.Platform;
using Clientele.Platform.Cli;
using Clientele.Platform.Data;
using Clientele.Platform.Errors;
using Clientele.Platform.Jobs;
using Clientele.Platform.Modules;
using Clientele.Retail.Bundles;
using Clientele.Retail.Customers;
using Clientele.Retail.Cli;
using Clientele.Retail.Data;
using Clientele.Retail.Demo;
using Clientele.Retail.Import;
using Clientele.Retail.Products;
using Clientele.Retail.Rules;
using Clientele.Retail.Sales;
using Clientele.Retail.Segments;
using Clientele.Retail.Service;
using Clientele.Retail.Timeframe;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Retail;

/// <summary>Clustr (seed 001): master data (products, customers, timeframe), transactions and their sales lines, bulk import; rules, bundles and segments follow (issue 14).</summary>
public static class RetailModule
{
    public const string Name = "retail";

    /// <summary>Verbs that run without the web host or the database (the server's entry point tries them first).</summary>
    public static IReadOnlyList<CliVerb> HostlessVerbs { get; } = [MineVerb.Verb];

    public static IServiceCollection AddRetail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClienteleModule(Name, "Clustr", FastApiErrorShape.Instance, anonymousInDevelopment: true);
        services.AddModuleDbContext<RetailDbContext>(Name);
        services.AddOptions<RetailOptions>().BindConfiguration("Clientele:Retail");
        services.AddScoped<RetailImporter>();
        services.AddJobHandler<RetailImportJob>();
        services.AddSingleton(ImportVerb.Verb);
        services.AddSingleton<IDemoData, RetailDemoData>();
        services.AddJobHandler<MiningJob>();
        services.AddJobHandler<SegmentationJob>();
        services.AddMemoryCache();
        services.AddSingleton<BundleModels>();
        foreach (var verb in HostlessVerbs)
        {
            services.AddSingleton(verb);
        }
        return services;
    }

    public static IEndpointRouteBuilder MapRetail(this IEndpointRouteBuilder endpoints)
    {
        var retail = endpoints.MapModule(Name);
        ServiceEndpoints.Map(retail);
        ProductEndpoints.Map(retail);
        CustomerEndpoints.Map(retail);
        TimeframeEndpoints.Map(retail);
        TransactionEndpoints.Map(retail);
        SaleEndpoints.Map(retail);
        ImportEndpoints.Map(retail);
        RuleEndpoints.Map(retail);
        BundleEndpoints.Map(retail);
        SegmentEndpoints.Map(retail);
        return endpoints;
    }
}
