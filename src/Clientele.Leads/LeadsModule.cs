using Clientele.Leads.Ads;
using Clientele.Leads.Campaigns;
using Clientele.Leads.Channels;
using Clientele.Leads.Data;
using Clientele.Leads.Demo;
using Clientele.Leads.Export;
using Clientele.Leads.Import;
using Clientele.Leads.Leads;
using Clientele.Leads.Niches;
using Clientele.Leads.Qualification;
using Clientele.Leads.Service;
using Clientele.Leads.Spend;
using Clientele.Platform;
using Clientele.Platform.Data;
using Clientele.Platform.Errors;
using Clientele.Platform.Jobs;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Leads;

/// <summary>Lead Generation System (seed 004): niches, campaigns, ads and spend, leads and their conversations with the qualifying bot, channels, funnel metrics.</summary>
public static class LeadsModule
{
    public const string Name = "leads";

    public static IServiceCollection AddLeads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClienteleModule(Name, "Lead Generation System", FastApiErrorShape.Instance, anonymousInDevelopment: true);
        services.AddModuleDbContext<LeadsDbContext>(Name);
        services.AddOptions<LeadsOptions>().BindConfiguration("Clientele:Leads")
            .Validate(o => o.DuplicateWindowDays is >= 0 and <= 3650, "Clientele:Leads:DuplicateWindowDays must be 0–3650")
            .Validate(o => o.IdempotencyHours is >= 1 and <= 720, "Clientele:Leads:IdempotencyHours must be 1–720")
            .Validate(o => o.ReplyAttempts is >= 1 and <= JobQueue.MaxAttemptsLimit, "Clientele:Leads:ReplyAttempts must be 1–100");
        services.AddSingleton(new QualificationBot());
        services.AddScoped<LeadConversation>();
        services.AddScoped<InboundMessages>();
        services.AddScoped<ChannelKeys>();
        services.AddScoped<ReplyQueue>();
        services.AddJobHandler<ChannelReplyJob>();
        services.AddJobHandler<ImportJob>();
        // No request logging: a Telegram URL carries the bot token.
        services.AddHttpClient<IChannelReplies, HttpChannelReplies>(http => http.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        services.AddSingleton<IDemoData, LeadsDemoData>();
        return services;
    }

    public static IEndpointRouteBuilder MapLeads(this IEndpointRouteBuilder endpoints)
    {
        var leads = endpoints.MapModule(Name);
        HealthEndpoints.Map(leads);
        NicheEndpoints.Map(leads);
        CampaignEndpoints.Map(leads);
        AdEndpoints.Map(leads);
        SpendEndpoints.Map(leads);
        LeadEndpoints.Map(leads);
        ExportEndpoints.Map(leads);
        ImportEndpoints.Map(leads);
        ChannelEndpoints.Map(leads);
        ChannelSecretEndpoints.Map(leads);
        return endpoints;
    }
}
