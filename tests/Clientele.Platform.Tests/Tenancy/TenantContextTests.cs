using Clientele.Platform.Tenancy;

namespace Clientele.Platform.Tests.Tenancy;

public sealed class TenantContextTests
{
    [Fact]
    public void A_new_context_has_no_organization()
    {
        var tenant = new TenantContext();

        Assert.False(tenant.HasOrganization);
        Assert.Equal(Guid.Empty, tenant.OrganizationId);
    }

    [Fact]
    public void Using_an_organization_sets_it()
    {
        var id = Guid.NewGuid();
        var tenant = new TenantContext();

        tenant.Use(id);

        Assert.True(tenant.HasOrganization);
        Assert.Equal(id, tenant.OrganizationId);
    }

    [Fact]
    public void Using_the_same_organization_again_is_harmless()
    {
        var id = Guid.NewGuid();
        var tenant = new TenantContext();

        tenant.Use(id);
        tenant.Use(id);

        Assert.Equal(id, tenant.OrganizationId);
    }

    [Fact]
    public void The_organization_cannot_change_once_set()
    {
        var first = Guid.NewGuid();
        var tenant = new TenantContext();
        tenant.Use(first);

        Assert.Throws<InvalidOperationException>(() => tenant.Use(Guid.NewGuid()));
        Assert.Throws<InvalidOperationException>(() => tenant.Use(Guid.Empty));
        Assert.Equal(first, tenant.OrganizationId);
    }
}
