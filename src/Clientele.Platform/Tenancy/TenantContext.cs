namespace Clientele.Platform.Tenancy;

/// <summary>The organization the current request (or command) acts for. Unset means no rows are visible and nothing can be saved.</summary>
public sealed class TenantContext
{
    public Guid OrganizationId { get; private set; }

    public bool HasOrganization => OrganizationId != Guid.Empty;

    public void Use(Guid organizationId)
    {
        if (HasOrganization && organizationId != OrganizationId)
        {
            throw new InvalidOperationException("The organization of a scope cannot change once set.");
        }
        OrganizationId = organizationId;
    }
}
