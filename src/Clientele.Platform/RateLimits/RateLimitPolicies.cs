using System.Collections.Concurrent;
using System.Globalization;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Clientele.Platform.RateLimits;

/// <summary>
/// Which rule counts a request. From least to most specific: <c>Clientele:RateLimits:Default</c>, <c>…:Modules:&lt;module&gt;:Default</c>,
/// then for an endpoint with a named policy the built-in rule of that name, <c>…:Policies:&lt;name&gt;</c> and <c>…:Modules:&lt;module&gt;:Policies:&lt;name&gt;</c>.
/// Each level may set only some of PermitLimit, WindowSeconds and PartitionBy; the rest is inherited.
/// </summary>
public sealed class RateLimitPolicies(IConfiguration configuration, ModuleCatalog catalog, IEnumerable<RateLimitDefault>? moduleDefaults = null)
{
    public const string Section = "Clientele:RateLimits";
    public const string DefaultPolicy = "default";
    public const string LoginPolicy = "login";

    /// <summary>Generous enough that people and the test suite never meet it; it is there to stop runaway clients.</summary>
    public static readonly RateLimitRule BuiltInDefault = new(1000, 60);

    /// <summary>Guessing passwords is what this stops; per IP, with room for an office behind one address.</summary>
    public static readonly RateLimitDefault PlatformLogin = new(ModuleCatalog.PlatformName, LoginPolicy, new(20, 60, RateLimitPartitioning.Ip));

    private readonly Dictionary<(string Module, string Policy), RateLimitRule> _builtIn =
        new[] { PlatformLogin }.Concat(moduleDefaults ?? []).ToDictionary(d => (d.Module, d.Policy), d => d.Rule);

    private readonly ConcurrentDictionary<(string Module, string Policy), RateLimitRule> _rules = new();

    public bool Enabled => configuration.GetValue($"{Section}:Enabled", true);

    public RateLimitRule RuleFor(string module, string? policy = null) =>
        _rules.GetOrAdd((module, policy ?? DefaultPolicy), key => Resolve(key.Module, key.Policy));

    /// <summary>The bucket a request is counted in, or null when nothing limits it (no module owns the path, the rule is unlimited, or limits are off).</summary>
    public RateLimitBucket? BucketFor(HttpContext context)
    {
        if (!Enabled)
        {
            return null;
        }
        string module, policy;
        if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedPostsAttribute>() is { } posts)
        {
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                return null;
            }
            (module, policy) = (posts.Module, posts.Policy);
        }
        else if (catalog.ForRequest(context) is { } owner)
        {
            module = owner.Name;
            policy = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitPolicyMetadata>()?.Name ?? DefaultPolicy;
        }
        else
        {
            return null;
        }
        var rule = RuleFor(module, policy);
        return rule.Unlimited ? null : new RateLimitBucket(module, policy, RateLimitPartitions.Of(context, rule.PartitionBy), rule);
    }

    /// <summary>Resolves every configured rule once, so that a mistake stops the start-up instead of failing requests.</summary>
    public void Validate()
    {
        foreach (var module in catalog.Modules)
        {
            RuleFor(module.Name);
            foreach (var policy in configuration.GetSection($"{Section}:Modules:{module.Name}:Policies").GetChildren())
            {
                RuleFor(module.Name, policy.Key);
            }
            foreach (var policy in configuration.GetSection($"{Section}:Policies").GetChildren())
            {
                RuleFor(module.Name, policy.Key);
            }
        }
    }

    private RateLimitRule Resolve(string module, string policy)
    {
        var rule = Read($"{Section}:Default", BuiltInDefault);
        rule = Read($"{Section}:Modules:{module}:Default", rule);
        if (policy == DefaultPolicy)
        {
            return rule;
        }
        if (_builtIn.TryGetValue((module, policy), out var builtIn))
        {
            rule = builtIn;
        }
        rule = Read($"{Section}:Policies:{policy}", rule);
        return Read($"{Section}:Modules:{module}:Policies:{policy}", rule);
    }

    private RateLimitRule Read(string path, RateLimitRule inherited)
    {
        var section = configuration.GetSection(path);
        if (!section.Exists())
        {
            return inherited;
        }
        var permits = Number(section, "PermitLimit", inherited.PermitLimit, minimum: 0);
        var window = Number(section, "WindowSeconds", inherited.WindowSeconds, minimum: 1);
        var partitionBy = inherited.PartitionBy;
        if (section["PartitionBy"] is { Length: > 0 } by && !Enum.TryParse(by, ignoreCase: true, out partitionBy))
        {
            throw new InvalidOperationException($"{path}:PartitionBy must be Caller or Ip, not '{by}'.");
        }
        return new RateLimitRule(permits, window, partitionBy);
    }

    private static int Number(IConfigurationSection section, string name, int inherited, int minimum)
    {
        if (section[name] is not { Length: > 0 } text)
        {
            return inherited;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new InvalidOperationException($"{section.Path}:{name} must be a whole number of at least {minimum}, not '{text}'.");
        }
        return value;
    }
}
