using Clientele.Platform.Tenancy;

namespace Clientele.Churn.Models;

/// <summary>
/// A trained model of one organization: the whole ML.NET pipeline as bytes, its hold-out metrics, cross-validated AUC, feature
/// importance and the training baseline for drift. At most one version is active; every version is kept for rollback.
/// </summary>
public sealed class ModelVersion : IOrganizationOwned
{
    public int Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Version { get; set; }
    public DateTimeOffset TrainedAt { get; set; }
    public bool IsActive { get; set; }
    public int Rows { get; set; }
    public double CvAuc { get; set; }
    public double CvAucSd { get; set; }
    public required string MetricsJson { get; set; }
    public required string ImportanceJson { get; set; }
    public required string BaselineJson { get; set; }

    /// <summary>Why it was or was not promoted (the champion/challenger gate's words).</summary>
    public required string Decision { get; set; }
    public Guid? JobId { get; set; }
    public required byte[] Model { get; set; }
}
