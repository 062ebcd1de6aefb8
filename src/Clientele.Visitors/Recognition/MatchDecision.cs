namespace Clientele.Visitors.Recognition;

/// <summary>The POST response's <c>decision</c>: created, matched or probable.</summary>
public enum Decision
{
    Created,
    Matched,
    Probable,
}

/// <summary>Why the decision was taken, for the audit log.</summary>
public enum DecisionReason
{
    /// <summary>The organization has no person yet.</summary>
    EmptyGallery,

    /// <summary>Close to the recent frames of an open stay: same visit, no gallery search.</summary>
    ContinuedStay,

    /// <summary>Within the confident distance with a clear margin.</summary>
    Confident,

    /// <summary>In the probable band, with a clear margin, to a person seen recently.</summary>
    ProbableRecent,

    /// <summary>Close to more than one person without a clear margin, so none is taken.</summary>
    NoMargin,

    /// <summary>In the probable band, but the person was not seen recently.</summary>
    ProbableNotRecent,

    /// <summary>Farther than the probable distance from everybody.</summary>
    BeyondProbable,
}

/// <summary>
/// What the engine decided for one frame, with everything the API layer stores: the person and visit, the exemplar to
/// save and the one to delete, and the audit fields (distances, runner-up, margin, profile version).
/// </summary>
/// <remarks><c>Distance</c>: To the chosen person's nearest exemplar (for a continued stay, to the stay's nearest recent frame; for a created person, to the nearest known person); null when there was none. <c>NearestPersonId</c>: The nearest known person, also when it was not taken. <c>SecondDistance</c>: To the second-best different person (or open stay). <c>Margin</c>: Second distance minus distance. <c>StartsVisit</c>: True when the frame opens a new visit, false when it continues an open one. <c>Learned</c>: The frame kept as a new exemplar of the person, to persist. <c>RetiredExemplarId</c>: The exemplar it replaced, to delete. <c>Confirmed</c>: The person stopped being provisional with this frame.</remarks>
public sealed record MatchDecision(
    Decision Decision,
    DecisionReason Reason,
    Guid PersonId,
    Guid VisitId,
    bool StartsVisit,
    float? Distance,
    Guid? NearestPersonId,
    float? SecondDistance,
    Guid? SecondPersonId,
    float? Margin,
    ExemplarRecord? Learned,
    Guid? RetiredExemplarId,
    bool Confirmed,
    int ProfileVersion,
    DateTimeOffset At);

/// <summary>The result of merging <see cref="AbsorbedPersonId"/> into <see cref="KeptPersonId"/>.</summary>
/// <remarks><c>DroppedExemplarIds</c>: Exemplars over the cap after the merge, deleted as the most redundant.</remarks>
public sealed record MergeResult(Guid KeptPersonId, Guid AbsorbedPersonId, IReadOnlyList<Guid> MovedExemplarIds, IReadOnlyList<Guid> DroppedExemplarIds);

/// <summary>The result of splitting exemplars off a person into a new one.</summary>
public sealed record SplitResult(Guid SourcePersonId, Guid NewPersonId, IReadOnlyList<Guid> MovedExemplarIds);
