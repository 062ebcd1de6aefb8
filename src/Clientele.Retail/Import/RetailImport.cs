using Clientele.Platform.Tenancy;

namespace Clientele.Retail.Import;

/// <summary>
/// One bulk import: its uploaded files wait in <see cref="RetailImportFile"/> until the job runs (any instance may run it,
/// after a restart too); the outcome is stored in the same database transaction as the rows, so a retry finds it and
/// never imports twice.
/// </summary>
public sealed class RetailImport : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public required string Mode { get; set; }
    public string Status { get; set; } = Pending;

    /// <summary>The job's result, as JSON, once the import is finished.</summary>
    public string? Outcome { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public const string Pending = "pending";
    public const string Imported = "imported";
    public const string Rejected = "rejected";
}

public sealed class RetailImportFile : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ImportId { get; set; }
    public required string Name { get; set; }
    public required byte[] Content { get; set; }
}
