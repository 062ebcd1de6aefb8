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

    // IPv6 forms that carry an IPv4 address: IPv4-compatible, IPv4-mapped, SIIT, NAT64 (well-known and local-use), 6to4, Teredo.
    [Theory]
    [InlineData("::10.0.0.1", "10.0.0.1", "private")]
    [InlineData("::127.0.0.1", "127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "10.0.0.1", "private")]
    [InlineData("::ffff:127.0.0.1", "127.0.0.1", "loopback")]
    [InlineData("::ffff:0:192.168.1.10", "192.168.1.10", "private")]
    [InlineData("64:ff9b::10.0.0.1", "10.0.0.1", "private")]
    [InlineData("64:ff9b::127.0.0.1", "127.0.0.1", "loopback")]
    [InlineData("64:ff9b::172.16.0.1", "172.16.0.1", "private")]
    [InlineData("64:ff9b:1:a00:0:100::", "10.0.0.1", "private")]
    [InlineData("2002:a00:1::", "10.0.0.1", "private")]
    [InlineData("2002:7f00:1::1", "127.0.0.1", "loopback")]
    [InlineData("2002:c0a8:10a::", "192.168.1.10", "private")]
    [InlineData("2001:0:4136:e378:8000:63bf:f5ff:fffe", "10.0.0.1", "private")]
    public void Ipv6_forms_embedding_a_loopback_or_private_ipv4_need_the_same_configuration(string address, string embedded, string reason)
    {
        var problem = Strict.AddressProblem(IPAddress.Parse(address));

        Assert.NotNull(problem);
        Assert.Contains(embedded, problem, StringComparison.Ordinal);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
        Assert.Null(Lenient.AddressProblem(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("::169.254.169.254", "metadata")]
    [InlineData("64:ff9b::169.254.169.254", "metadata")]
    [InlineData("2002:a9fe:a9fe::", "metadata")]
    [InlineData("64:ff9b::a9fe:a01", "link-local")]
    [InlineData("2002:e000:1::", "multicast")]
    [InlineData("64:ff9b::0.0.0.0", "unspecified")]
    [InlineData("2001:0:a9fe:a9fe::1", "metadata")]
    public void Ipv6_forms_embedding_a_dangerous_ipv4_are_always_refused(string address, string reason)
    {
        var problem = Lenient.AddressProblem(IPAddress.Parse(address));

        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("64:ff9b::93.184.216.34")]
    [InlineData("2002:5db8:d822::1")]
    [InlineData("::ffff:93.184.216.34")]
    public void Ipv6_forms_embedding_a_public_ipv4_are_allowed(string address) => Assert.Null(Strict.AddressProblem(IPAddress.Parse(address)));

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
