using Clientele.Platform.Errors;
using Clientele.Platform.Modules;
using Clientele.Platform.RateLimits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Clientele.Platform.Tests.RateLimits;

public sealed class RateLimitPolicyTests
{
    [Fact]
    public void Without_configuration_every_module_gets_the_generous_built_in_default_and_login_its_stricter_rule()
    {
        var policies = Policies();

        Assert.Equal(RateLimitPolicies.BuiltInDefault, policies.RuleFor("banking"));
        Assert.Equal(new RateLimitRule(1000, 60), policies.RuleFor("platform"));
        Assert.Equal(new RateLimitRule(20, 60, RateLimitPartitioning.Ip), policies.RuleFor("platform", RateLimitPolicies.LoginPolicy));
    }

    [Fact]
    public void Levels_override_from_global_default_to_module_policy_and_inherit_what_they_leave_out()
    {
        var policies = Policies(
            ("Clientele:RateLimits:Default:PermitLimit", "500"),
            ("Clientele:RateLimits:Default:WindowSeconds", "3600"),
            ("Clientele:RateLimits:Modules:leads:Default:PermitLimit", "100"),
            ("Clientele:RateLimits:Modules:leads:Default:WindowSeconds", "60"),
            ("Clientele:RateLimits:Policies:statistics:PermitLimit", "100"),
            ("Clientele:RateLimits:Modules:banking:Policies:statistics:WindowSeconds", "7200"),
            ("Clientele:RateLimits:Modules:banking:Policies:import:PartitionBy", "ip"));

        Assert.Equal(new RateLimitRule(500, 3600), policies.RuleFor("banking"));
        Assert.Equal(new RateLimitRule(100, 60), policies.RuleFor("leads"));
        Assert.Equal(new RateLimitRule(100, 60), policies.RuleFor("leads", "statistics"));
        Assert.Equal(new RateLimitRule(100, 7200), policies.RuleFor("banking", "statistics"));
        Assert.Equal(new RateLimitRule(500, 3600, RateLimitPartitioning.Ip), policies.RuleFor("banking", "import"));
        Assert.Equal(new RateLimitRule(500, 3600), policies.RuleFor("banking", "unconfigured"));
    }

    [Fact]
    public void A_configured_login_rule_keeps_counting_per_ip_unless_told_otherwise()
    {
        var policies = Policies(("Clientele:RateLimits:Modules:platform:Policies:login:PermitLimit", "3"));

        Assert.Equal(new RateLimitRule(3, 60, RateLimitPartitioning.Ip), policies.RuleFor("platform", "login"));
    }

    [Theory]
    [InlineData("Clientele:RateLimits:Default:PermitLimit", "-1", "Clientele:RateLimits:Default:PermitLimit must be a whole number of at least 0, not '-1'.")]
    [InlineData("Clientele:RateLimits:Modules:banking:Default:WindowSeconds", "0", "Clientele:RateLimits:Modules:banking:Default:WindowSeconds must be a whole number of at least 1, not '0'.")]
    [InlineData("Clientele:RateLimits:Modules:banking:Default:PermitLimit", "lots", "Clientele:RateLimits:Modules:banking:Default:PermitLimit must be a whole number of at least 0, not 'lots'.")]
    [InlineData("Clientele:RateLimits:Modules:banking:Policies:x:PermitLimit", "1.5", "Clientele:RateLimits:Modules:banking:Policies:x:PermitLimit must be a whole number of at least 0, not '1.5'.")]
    [InlineData("Clientele:RateLimits:Policies:x:PartitionBy", "cookie", "Clientele:RateLimits:Policies:x:PartitionBy must be Caller or Ip, not 'cookie'.")]
    public void A_bad_value_stops_validation_naming_the_key(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Policies((key, value)).Validate());

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_request_is_counted_under_its_module_policy_and_caller()
    {
        var policies = Policies(("Clientele:RateLimits:Modules:banking:Policies:import:PermitLimit", "5"));
        var context = Request("/banking/api/import", Catalog().Get("banking"), new RateLimitPolicyMetadata("import"));
        context.Request.Headers[RateLimitPartitions.DeviceKeyHeader] = "camera-1";

        var bucket = policies.BucketFor(context);

        Assert.NotNull(bucket);
        Assert.Equal("banking", bucket.Module);
        Assert.Equal("import", bucket.Policy);
        Assert.StartsWith("device:", bucket.Partition, StringComparison.Ordinal);
        Assert.Equal(5, bucket.Rule.PermitLimit);
        Assert.Equal($"rl:banking:import:5per60s:{bucket.Partition}", bucket.RedisKey("rl"));
    }

    [Fact]
    public void A_path_no_module_owns_is_not_limited_but_an_unknown_path_under_a_module_is()
    {
        var policies = Policies();

        Assert.Null(policies.BucketFor(Request("/health/live")));
        Assert.Null(policies.BucketFor(Request("/metrics")));
        Assert.Equal("churn", policies.BucketFor(Request("/churn/api/nothing-here"))?.Module);
    }

    [Fact]
    public void A_limit_of_zero_or_limits_switched_off_mean_no_bucket()
    {
        Assert.Null(Policies(("Clientele:RateLimits:Modules:banking:Default:PermitLimit", "0")).BucketFor(Request("/banking/api/clients")));
        Assert.Null(Policies(("Clientele:RateLimits:Enabled", "false")).BucketFor(Request("/banking/api/clients")));
    }

    private static RateLimitPolicies Policies(params (string Key, string Value)[] settings)
    {
        var configuration = Configuration(settings);
        return new RateLimitPolicies(configuration, Catalog(configuration));
    }

    private static IConfiguration Configuration((string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static ModuleCatalog Catalog(IConfiguration? configuration = null) => new(
        new[] { "platform", "banking", "churn", "leads" }.Select(name => new ModuleDefinition(name, name, FastApiErrorShape.Instance, false)),
        configuration ?? Configuration([]));

    private static DefaultHttpContext Request(string path, params object[] metadata)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        if (metadata.Length > 0)
        {
            context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(metadata), "test"));
        }
        return context;
    }
}
