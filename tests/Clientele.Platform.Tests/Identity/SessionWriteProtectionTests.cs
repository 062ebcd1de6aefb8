using Clientele.Platform.Identity;
using Microsoft.AspNetCore.Http;

namespace Clientele.Platform.Tests.Identity;

public sealed class SessionWriteProtectionTests
{
    [Theory]
    [InlineData("https://clientele.example", "clientele.example", true)]
    [InlineData("https://clientele.example", "clientele.example:443", true)]
    [InlineData("http://127.0.0.1:8000", "127.0.0.1:8000", true)]
    [InlineData("http://[::1]:8000", "[::1]:8000", true)]
    [InlineData("https://CLIENTELE.example/page?x=1", "clientele.example", true)]
    [InlineData("https://clientele.example:8443", "clientele.example", false)]
    [InlineData("https://evil.example", "clientele.example", false)]
    [InlineData("https://clientele.example.evil.example", "clientele.example", false)]
    [InlineData("null", "clientele.example", false)]
    [InlineData("file:///etc/passwd", "clientele.example", false)]
    [InlineData("https://clientele.example", "", false)]
    public void An_origin_names_the_host_only_with_the_same_host_and_port(string origin, string host, bool expected) =>
        Assert.Equal(expected, SessionWriteProtection.NamesHost(origin, new HostString(host)));
}
