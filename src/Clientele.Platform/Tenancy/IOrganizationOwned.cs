namespace Clientele.Platform.Tenancy;

/// <summary>A row that belongs to one organization. Every module entity implements it; the query filter and save guard rely on it.</summary>
public interface IOrganizationOwned
{
    Guid OrganizationId { get; set; }
}
