using Clientele.Platform.Modules;
using static Clientele.Platform.Tests.Modules.TestEndpoints;

namespace Clientele.Platform.Tests.Modules;

public sealed class ModuleDescriptorTests
{
    [Theory]
    [InlineData(null, "/banking")]
    [InlineData("", "/banking")]
    [InlineData("   ", "/banking")]
    [InlineData("banking", "/banking")]
    [InlineData("/banking/", "/banking")]
    [InlineData(" /bank ", "/bank")]
    [InlineData("/", "/")]
    public void A_path_base_is_normalized_to_one_leading_slash_and_no_trailing_one(string? configured, string expected)
    {
        Assert.Equal(expected, ModuleDescriptor.NormalizePathBase(configured, "banking"));
    }

    [Theory]
    [InlineData("/banking", true)]
    [InlineData("/banking/api/x", true)]
    [InlineData("/BANKING/api/x", true)]
    [InlineData("/bankingx", false)]
    [InlineData("/retail/api/x", false)]
    [InlineData("/", false)]
    public void A_module_owns_its_path_base_and_everything_below_it(string path, bool owned)
    {
        Assert.Equal(owned, Module("banking", "/banking").Owns(path));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/clients")]
    [InlineData("/bankingx")]
    public void A_module_at_the_root_owns_every_path(string path)
    {
        Assert.True(Module("banking", "/").Owns(path));
    }
}
