namespace Clientele.Retail.Rules;

public static class RuleEvents
{
    public const string RunSucceeded = "retail.mining_run.succeeded";
    public const string RunFailed = "retail.mining_run.failed";
}
