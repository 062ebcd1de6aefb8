using Clientele.Visitors.Vectors;

namespace Clientele.Visitors.Recognition;

/// <summary>
/// An organization's re-identification settings. The defaults are the dlib profile of the spec (§2.1, §2.3 with its
/// correction): raw Euclidean distance, ≤ 0.5 confident, 0.5–0.6 probable, above 0.6 a new person, a 0.1 margin over
/// the second-best different person, probable matches only to persons seen in the last 30 minutes.
/// </summary>
public sealed record MatchProfile
{
    /// <summary>Recorded with every decision, so an audit can tell which settings made it.</summary>
    public int Version { get; init; } = 1;

    public VectorMetric Metric { get; init; } = VectorMetric.Euclidean;

    public int Dimensions { get; init; } = 128;

    /// <summary>At or below: the same person, and the frame may become an exemplar.</summary>
    public float ConfidentDistance { get; init; } = 0.5f;

    /// <summary>Above the confident distance and at or below this: possibly the same person, never learned from.</summary>
    public float ProbableDistance { get; init; } = 0.6f;

    /// <summary>How much closer the best person must be than the second-best different person.</summary>
    public float Margin { get; init; } = 0.1f;

    /// <summary>A probable match attaches only to a person last seen within this window.</summary>
    public TimeSpan RecentWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A frame later than this after the last frame of a stay starts a new visit.</summary>
    public TimeSpan StayGap { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Exemplars kept per person; past it the most redundant one goes.</summary>
    public int ExemplarCap { get; init; } = 12;

    /// <summary>Recent frames a stay keeps to recognise its next frame without searching the gallery.</summary>
    public int StayFrames { get; init; } = 8;

    /// <summary>Visits with a confident match (the first one included) after which a provisional person is confirmed.</summary>
    public int ConfirmAfterVisits { get; init; } = 2;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimensions, 1, nameof(Dimensions));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ConfidentDistance, nameof(ConfidentDistance));
        ArgumentOutOfRangeException.ThrowIfLessThan(ProbableDistance, ConfidentDistance, nameof(ProbableDistance));
        ArgumentOutOfRangeException.ThrowIfNegative(Margin, nameof(Margin));
        ArgumentOutOfRangeException.ThrowIfLessThan(RecentWindow, TimeSpan.Zero, nameof(RecentWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(StayGap, TimeSpan.Zero, nameof(StayGap));
        ArgumentOutOfRangeException.ThrowIfLessThan(ExemplarCap, 1, nameof(ExemplarCap));
        ArgumentOutOfRangeException.ThrowIfLessThan(StayFrames, 1, nameof(StayFrames));
        ArgumentOutOfRangeException.ThrowIfLessThan(ConfirmAfterVisits, 1, nameof(ConfirmAfterVisits));
    }
}
