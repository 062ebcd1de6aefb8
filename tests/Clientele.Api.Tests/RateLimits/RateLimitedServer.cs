using Clientele.Testing;

namespace Clientele.Api.Tests.RateLimits;

/// <summary>A production server whose banking, churn and visitors modules and login allow 3 requests an hour, so tests reach the limit quickly.</summary>
public class RateLimitedServer : ClienteleFactory
{
    public const int Limit = 3;

    public RateLimitedServer(DatabaseKind kind) : base(kind)
    {
        Environment = "Production";
        foreach (var module in new[] { "banking", "churn", "visitors" })
        {
            Settings[$"Clientele:RateLimits:Modules:{module}:Default:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Settings[$"Clientele:RateLimits:Modules:{module}:Default:WindowSeconds"] = "3600";
        }
        Settings["Clientele:RateLimits:Modules:platform:Policies:login:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

