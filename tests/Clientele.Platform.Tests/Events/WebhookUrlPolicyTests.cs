using System.Net;
using Clientele.Platform.Events.Webhooks;

namespace Clientele.Platform.Tests.Events;

public sealed class WebhookUrlPolicyTests
{
    private static readonly WebhookUrlPolicy Strict = new(allowLoopback: false, allowPrivateNetworks: false);
    private static readonly WebhookUrlPolicy Lenient = new(allowLoopback: true, allowPrivateNetworks: true);

    [Theory]
    [InlineData("169.254.169.254", "metadata")]
    [InlineData("fd00:ec2::254", "metadata")]
    [InlineData("169.254.10.1", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("::ffff:169.254.169.254", "metadata")]
    public void Dangerous_addresses_are_refused_even_when_loopback_and_private_networks_are_allowed(string address, string reason)
    {
        var problem = Lenient.AddressProblem(IPAddress.Parse(address));

        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.20.0.5", "private")]
    [InlineData("192.168.1.10", "private")]
    [InlineData("100.64.0.1", "private")]
    [InlineData("fd12:3456::1", "private")]
    public void Loopback_and_private_addresses_need_configuration(string address, string reason)
    {
        Assert.Contains(reason, Strict.AddressProblem(IPAddress.Parse(address)), StringComparison.Ordinal);
        Assert.Null(Lenient.AddressProblem(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    [InlineData("172.32.0.1")]
    public void Public_addresses_are_allowed(string address) => Assert.Null(Strict.AddressProblem(IPAddress.Parse(address)));

    [Theory]
    [InlineData("ftp://example.com/hook", "scheme")]
    [InlineData("file:///etc/passwd", "scheme")]
    [InlineData("javascript:alert(1)", "scheme")]
    [InlineData("example.com/hook", "absolute")]
    [InlineData("/relative/hook", "http or https")]
    [InlineData("", "1 to 2000")]
    [InlineData("https://user:pass@example.com/", "credentials")]
    public void Urls_of_the_wrong_form_are_refused(string url, string reason)
    {
        Assert.Contains(reason, WebhookUrlPolicy.FormProblem(url, out var uri), StringComparison.Ordinal);
        Assert.Null(uri);
    }

    [Fact]
    public void Http_and_https_urls_pass_the_form_check()
    {
        Assert.Null(WebhookUrlPolicy.FormProblem("https://hooks.example.com/clientele?x=1", out var uri));
        Assert.Equal("hooks.example.com", uri!.Host);
        Assert.Null(WebhookUrlPolicy.FormProblem("http://127.0.0.1:9000/", out _));
    }

    [Theory]
    [InlineData("metadata.google.internal")]
    [InlineData("METADATA.GOOGLE.INTERNAL.")]
    public async Task Metadata_host_names_are_refused_before_resolving(string host)
    {
        var (addresses, problem) = await Lenient.ResolveAsync(host, CancellationToken.None);

        Assert.Empty(addresses);
        Assert.Contains("metadata", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_resolving_to_loopback_is_refused_unless_allowed()
    {
        var (_, problem) = await Strict.ResolveAsync("localhost", CancellationToken.None);
        var (addresses, allowed) = await Lenient.ResolveAsync("localhost", CancellationToken.None);

        Assert.Contains("loopback", problem, StringComparison.Ordinal);
        Assert.Null(allowed);
        Assert.NotEmpty(addresses);
    }

    [Fact]
    public async Task Ip_literals_in_brackets_are_checked_as_addresses()
    {
        var (_, problem) = await Lenient.ResolveAsync("[fe80::1]", CancellationToken.None);

        Assert.Contains("link-local", problem, StringComparison.Ordinal);
    }
}
