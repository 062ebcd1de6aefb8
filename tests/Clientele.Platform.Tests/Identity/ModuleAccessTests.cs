using System.Security.Claims;
using Clientele.Platform.Identity;

namespace Clientele.Platform.Tests.Identity;

public sealed class ModuleAccessTests
{
    private static readonly string[] Modules = ["banking", "retail", "churn", "visitors", "leads"];

    [Theory]
    [InlineData(Role.Admin, Access.Read, true)]
    [InlineData(Role.Admin, Access.Write, true)]
    [InlineData(Role.Analyst, Access.Read, true)]
    [InlineData(Role.Analyst, Access.Write, true)]
    [InlineData(Role.Viewer, Access.Read, true)]
    [InlineData(Role.Viewer, Access.Write, false)]
    public void Users_pass_by_role(string role, Access access, bool allowed)
    {
        Assert.Equal(allowed, ModuleAccess.Allows(Callers.UserWithRole(role), "banking", access));
    }

    [Theory]
    [InlineData("banking:read", Access.Read, true)]
    [InlineData("banking:read", Access.Write, false)]
    [InlineData("banking:write", Access.Read, true)]
    [InlineData("banking:write", Access.Write, true)]
    [InlineData("*:read", Access.Read, true)]
    [InlineData("*:read", Access.Write, false)]
    [InlineData("*:write", Access.Read, true)]
    [InlineData("*:write", Access.Write, true)]
    public void Keys_pass_by_scope_and_write_implies_read(string scope, Access access, bool allowed)
    {
        Assert.Equal(allowed, ModuleAccess.Allows(Callers.KeyWithScopes(scope), "banking", access));
    }

    [Theory]
    [InlineData(Access.Read)]
    [InlineData(Access.Write)]
    public void A_scope_for_another_module_is_denied(Access access)
    {
        var caller = Callers.KeyWithScopes("retail:write", "churn:read");

        Assert.False(ModuleAccess.Allows(caller, "banking", access));
    }

    [Fact]
    public void A_key_with_several_scopes_gets_each_module_its_own_access()
    {
        var caller = Callers.KeyWithScopes("retail:write", "banking:read");

        Assert.True(ModuleAccess.Allows(caller, "retail", Access.Write));
        Assert.True(ModuleAccess.Allows(caller, "banking", Access.Read));
        Assert.False(ModuleAccess.Allows(caller, "banking", Access.Write));
    }

    [Fact]
    public void A_key_without_scopes_is_denied()
    {
        Assert.False(ModuleAccess.Allows(Callers.KeyWithScopes(), "banking", Access.Read));
    }

    [Fact]
    public void A_caller_without_an_organization_is_denied_whatever_its_role_or_scope()
    {
        var admin = Callers.WithoutOrganization(new Claim(ClaimTypes.Role, Role.Admin));
        var key = Callers.WithoutOrganization(new Claim(ModuleAccess.ScopeClaim, "*:write"));

        Assert.False(ModuleAccess.Allows(admin, "banking", Access.Read));
        Assert.False(ModuleAccess.Allows(key, "banking", Access.Read));
        Assert.False(ModuleAccess.Allows(new ClaimsPrincipal(new ClaimsIdentity()), "banking", Access.Read));
    }

    [Theory]
    [InlineData("banking:read", true)]
    [InlineData("banking:write", true)]
    [InlineData("leads:write", true)]
    [InlineData("*:read", true)]
    [InlineData("*:write", true)]
    [InlineData("banking:admin", false)]
    [InlineData("banking", false)]
    [InlineData("banking:read:extra", false)]
    [InlineData("payroll:read", false)]
    [InlineData(":read", false)]
    [InlineData("", false)]
    public void Only_read_or_write_scopes_of_known_modules_or_all_are_valid(string scope, bool valid)
    {
        Assert.Equal(valid, ModuleAccess.IsValidScope(scope, Modules));
    }

    [Fact]
    public void Policy_names_are_module_colon_access()
    {
        Assert.Equal("banking:read", ModuleAccess.PolicyName("banking", Access.Read));
        Assert.Equal("banking:write", ModuleAccess.PolicyName("banking", Access.Write));
    }
}
