namespace Clientele.Dashboard.Components.Pages;

/// <summary>What each module's dashboard will show, until the module brings its own pages.</summary>
public static class ComingSoon
{
    public static string For(string module) => module switch
    {
        "banking" => "clients, their spending and the best product for each.",
        "churn" => "churn-risk scores per customer, model training and batch scoring.",
        "visitors" => "visitors recognised by face vector, their visits, carts and live events.",
        "leads" => "niches, campaigns, qualified leads and the bot's conversations.",
        _ => "its own pages.",
    };
}
