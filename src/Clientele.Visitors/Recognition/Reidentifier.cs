using Clientele.Visitors.Vectors;

namespace Clientele.Visitors.Recognition;

/// <summary>
/// Re-identification for one organization (spec §2.3 with its correction). A frame first tries the open stays (the
/// recent frames of visits still in progress); otherwise it is matched against the gallery by the minimum distance over
/// each person's exemplars, never a centroid, which drifts towards whoever was attached last. A confident match needs
/// a clear margin over the second-best different person; a probable one also needs the person to have been seen
/// recently, and is never learned from, so an identity cannot drift towards a look-alike. Anything else is a new,
/// provisional person: a split is repairable by a merge, a merge of strangers is not (§2.3, Immich's lesson).
/// The engine keeps the state in memory and decides; the API layer persists what each decision returns.
/// </summary>
public sealed class Reidentifier : IDisposable
{
    // One lock for the whole organization: two frames of one new visitor must not both create a person.
    private readonly Lock sync = new();
    private readonly IVectorIndex gallery;
    private readonly Dictionary<Guid, Identity> persons = [];
    private readonly Dictionary<long, (Identity Owner, Exemplar Exemplar)> exemplarOf = [];
    private readonly List<Stay> stays = [];
    private long nextHandle;

    // sessionOnly: vectors serve only the stay they came in; when a stay closes its person and exemplars are dropped from
    // memory, so a later stay of the same face is a new person.
    public Reidentifier(MatchProfile profile, IEnumerable<PersonRecord>? stored = null, VectorIndexOptions? indexOptions = null, bool sessionOnly = false)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.Validate();
        Profile = profile;
        SessionOnly = sessionOnly;
        var rows = new List<StoredVector>();
        foreach (var record in stored ?? [])
        {
            var identity = new Identity(record.Id, record.Status, record.FirstSeen, record.LastSeen, record.ConfidentVisits);
            persons.Add(record.Id, identity);
            foreach (var exemplarRecord in record.Exemplars)
            {
                VectorMath.Validate(exemplarRecord.Vector, profile.Dimensions, nameof(stored));
                var exemplar = new Exemplar(nextHandle++, exemplarRecord);
                identity.Exemplars.Add(exemplar);
                exemplarOf.Add(exemplar.Handle, (identity, exemplar));
                rows.Add(new StoredVector(exemplar.Handle, exemplarRecord.Vector));
            }
        }
        var options = (indexOptions ?? new VectorIndexOptions()) with { Dimensions = profile.Dimensions, Metric = profile.Metric };
        gallery = IndexChooser.Build(options, rows);
    }

    public MatchProfile Profile { get; }

    public bool SessionOnly { get; }

    public int PersonCount
    {
        get
        {
            lock (sync)
            {
                return persons.Count;
            }
        }
    }

    public PersonRecord? Find(Guid personId)
    {
        lock (sync)
        {
            return persons.TryGetValue(personId, out var identity) ? identity.ToRecord() : null;
        }
    }

    public IReadOnlyList<PersonRecord> Persons()
    {
        lock (sync)
        {
            return [.. persons.Values.Select(identity => identity.ToRecord())];
        }
    }

    /// <summary>Decides who the frame taken at <paramref name="at"/> shows, and updates the in-memory state to match.</summary>
    public MatchDecision Observe(ReadOnlySpan<float> vector, DateTimeOffset at)
    {
        VectorMath.Validate(vector, Profile.Dimensions, nameof(vector));
        var frame = vector.ToArray();
        lock (sync)
        {
            CloseStays(at);
            return ContinueStay(frame, at) ?? SearchGallery(frame, at);
        }
    }

    /// <summary>Moves every exemplar of <paramref name="absorbedId"/> to <paramref name="keptId"/> and removes the absorbed person.</summary>
    public MergeResult Merge(Guid keptId, Guid absorbedId)
    {
        if (keptId == absorbedId)
        {
            throw new ArgumentException("A person cannot be merged into itself.", nameof(absorbedId));
        }
        lock (sync)
        {
            var kept = Require(keptId);
            var absorbed = Require(absorbedId);
            var moved = new List<Guid>();
            foreach (var exemplar in absorbed.Exemplars)
            {
                kept.Exemplars.Add(exemplar);
                exemplarOf[exemplar.Handle] = (kept, exemplar);
                moved.Add(exemplar.Record.Id);
            }
            var dropped = new List<Guid>();
            while (kept.Exemplars.Count > Profile.ExemplarCap)
            {
                var redundant = kept.Exemplars[MostRedundant(kept.Exemplars.Select(exemplar => exemplar.Record.Vector).ToList())];
                Discard(kept, redundant);
                dropped.Add(redundant.Record.Id);
            }
            if (absorbed.Status == PersonStatus.Confirmed)
            {
                kept.Status = PersonStatus.Confirmed;
            }
            kept.FirstSeen = kept.FirstSeen < absorbed.FirstSeen ? kept.FirstSeen : absorbed.FirstSeen;
            kept.LastSeen = kept.LastSeen > absorbed.LastSeen ? kept.LastSeen : absorbed.LastSeen;
            kept.ConfidentVisits += absorbed.ConfidentVisits;
            foreach (var stay in stays.Where(stay => stay.Person == absorbed))
            {
                stay.Person = kept;
            }
            persons.Remove(absorbedId);
            return new MergeResult(keptId, absorbedId, moved, dropped);
        }
    }

    /// <summary>
    /// Moves the given exemplars of a person to a new person with the same status (a repair of frames wrongly taken
    /// as the same person). Exemplars carry the visit they were learned in, so splitting a visit off selects by it.
    /// </summary>
    public SplitResult Split(Guid personId, IReadOnlyCollection<Guid> exemplarIds)
    {
        ArgumentNullException.ThrowIfNull(exemplarIds);
        lock (sync)
        {
            var source = Require(personId);
            var moving = source.Exemplars.Where(exemplar => exemplarIds.Contains(exemplar.Record.Id)).ToList();
            if (moving.Count != exemplarIds.Count || moving.Count == 0 || moving.Count == source.Exemplars.Count)
            {
                throw new ArgumentException("Split needs some, not all, of the person's own exemplars.", nameof(exemplarIds));
            }
            var firstSeen = moving.Min(exemplar => exemplar.Record.AddedAt);
            var split = new Identity(Guid.CreateVersion7(firstSeen), source.Status, firstSeen,
                moving.Max(exemplar => exemplar.Record.AddedAt), moving.Select(exemplar => exemplar.Record.VisitId).Distinct().Count());
            foreach (var exemplar in moving)
            {
                source.Exemplars.Remove(exemplar);
                split.Exemplars.Add(exemplar);
                exemplarOf[exemplar.Handle] = (split, exemplar);
            }
            persons.Add(split.Id, split);
            return new SplitResult(personId, split.Id, [.. moving.Select(exemplar => exemplar.Record.Id)]);
        }
    }

    /// <summary>Erases a person's exemplars and open stays (right to erasure); false when unknown.</summary>
    public bool Forget(Guid personId)
    {
        lock (sync)
        {
            if (!persons.Remove(personId, out var identity))
            {
                return false;
            }
            foreach (var exemplar in identity.Exemplars.ToList())
            {
                Discard(identity, exemplar);
            }
            stays.RemoveAll(stay => stay.Person == identity);
            return true;
        }
    }

    /// <summary>
    /// Closes the stays whose last frame is more than the stay gap before <paramref name="now"/>; in session-only mode their
    /// persons are forgotten. Returns the visits closed.
    /// </summary>
    public IReadOnlyList<Guid> CloseStays(DateTimeOffset now)
    {
        lock (sync)
        {
            // Every frame asks; most close nothing, so that case allocates nothing.
            var anyClosed = false;
            foreach (var stay in stays)
            {
                anyClosed |= now - stay.LastAt > Profile.StayGap;
            }
            if (!anyClosed)
            {
                return [];
            }
            var closed = stays.Where(stay => now - stay.LastAt > Profile.StayGap).ToList();
            stays.RemoveAll(closed.Contains);
            if (SessionOnly)
            {
                foreach (var person in closed.Select(stay => stay.Person).Distinct().Where(person => stays.All(open => open.Person != person)))
                {
                    persons.Remove(person.Id);
                    foreach (var exemplar in person.Exemplars.ToList())
                    {
                        Discard(person, exemplar);
                    }
                }
            }
            return [.. closed.Select(stay => stay.VisitId)];
        }
    }

    /// <summary>Exemplars held in memory (in session-only mode, only those of open stays).</summary>
    public int ExemplarCount
    {
        get
        {
            lock (sync)
            {
                return exemplarOf.Count;
            }
        }
    }

    public void Dispose() => gallery.Dispose();

    private MatchDecision? ContinueStay(float[] frame, DateTimeOffset at)
    {
        Stay? best = null;
        var bestDistance = float.MaxValue;
        Stay? second = null;
        var secondDistance = float.MaxValue;
        foreach (var stay in stays)
        {
            var distance = stay.Frames.Min(recent => VectorMath.Distance(Profile.Metric, frame, recent));
            if (distance < bestDistance)
            {
                if (best is not null && best.Person != stay.Person)
                {
                    (second, secondDistance) = (best, bestDistance);
                }
                (best, bestDistance) = (stay, distance);
            }
            else if (distance < secondDistance && stay.Person != best!.Person)
            {
                (second, secondDistance) = (stay, distance);
            }
        }
        if (best is null || bestDistance > Profile.ConfidentDistance
            || (second is not null && secondDistance - bestDistance < Profile.Margin))
        {
            return null;
        }
        best.Add(frame, at, Profile.StayFrames);
        var person = best.Person;
        (ExemplarRecord? Learned, Guid? Retired) learning = (null, null);
        if (best.Attachment != Decision.Probable)
        {
            person.LastSeen = at;
            var personDistance = person.Exemplars
                .Select(exemplar => VectorMath.Distance(Profile.Metric, frame, exemplar.Record.Vector))
                .DefaultIfEmpty(float.MaxValue)
                .Min();
            if (personDistance <= Profile.ConfidentDistance)
            {
                learning = Learn(person, frame, at, best.VisitId);
            }
        }
        return new MatchDecision(
            best.Attachment == Decision.Probable ? Decision.Probable : Decision.Matched, DecisionReason.ContinuedStay,
            person.Id, best.VisitId, StartsVisit: false, bestDistance, person.Id,
            second is null ? null : secondDistance, second?.Person.Id, second is null ? null : secondDistance - bestDistance,
            learning.Learned, learning.Retired, Confirmed: false, Profile.Version, at);
    }

    private MatchDecision SearchGallery(float[] frame, DateTimeOffset at)
    {
        // One person holds at most ExemplarCap exemplars, so one more hit always reaches the second-best person.
        var hits = gallery.Count == 0 ? [] : gallery.Search(frame, Profile.ExemplarCap + 1);
        Identity? nearest = null;
        float? distance = null;
        Identity? second = null;
        float? secondDistance = null;
        foreach (var hit in hits)
        {
            var owner = exemplarOf[hit.Id].Owner;
            if (nearest is null)
            {
                (nearest, distance) = (owner, hit.Distance);
            }
            else if (owner != nearest)
            {
                (second, secondDistance) = (owner, hit.Distance);
                break;
            }
        }
        var margin = secondDistance - distance;
        var clear = margin is null || margin >= Profile.Margin;
        var recent = nearest is not null && at - nearest.LastSeen <= Profile.RecentWindow;
        var (decision, reason) = distance switch
        {
            null => (Decision.Created, DecisionReason.EmptyGallery),
            var close when close <= Profile.ProbableDistance && !clear => (Decision.Created, DecisionReason.NoMargin),
            var close when close <= Profile.ConfidentDistance => (Decision.Matched, DecisionReason.Confident),
            var close when close <= Profile.ProbableDistance && recent => (Decision.Probable, DecisionReason.ProbableRecent),
            var close when close <= Profile.ProbableDistance => (Decision.Created, DecisionReason.ProbableNotRecent),
            _ => (Decision.Created, DecisionReason.BeyondProbable),
        };

        Identity person;
        if (decision == Decision.Created)
        {
            person = new Identity(Guid.CreateVersion7(at), PersonStatus.Provisional, at, at, confidentVisits: 0);
            persons.Add(person.Id, person);
        }
        else
        {
            person = nearest!;
        }
        var stay = stays.FirstOrDefault(open => open.Person == person);
        var startsVisit = stay is null;
        if (stay is null)
        {
            stay = new Stay(Guid.CreateVersion7(at), person, decision, at);
            stays.Add(stay);
        }
        stay.Add(frame, at, Profile.StayFrames);

        (ExemplarRecord? Learned, Guid? Retired) learning = (null, null);
        var confirmed = false;
        if (decision != Decision.Probable)
        {
            person.LastSeen = at;
            learning = Learn(person, frame, at, stay.VisitId);
            if (startsVisit)
            {
                person.ConfidentVisits++;
                if (person.Status == PersonStatus.Provisional && person.ConfidentVisits >= Profile.ConfirmAfterVisits)
                {
                    person.Status = PersonStatus.Confirmed;
                    confirmed = true;
                }
            }
        }
        return new MatchDecision(decision, reason, person.Id, stay.VisitId, startsVisit, distance, nearest?.Id,
            secondDistance, second?.Id, margin, learning.Learned, learning.Retired, confirmed, Profile.Version, at);
    }

    /// <summary>
    /// Adds the frame as an exemplar; when the person is full, the most redundant of the old exemplars and the frame
    /// (the one closest to its nearest sibling) goes, so the kept set stays diverse. That may be the frame itself.
    /// </summary>
    private (ExemplarRecord? Learned, Guid? Retired) Learn(Identity person, float[] frame, DateTimeOffset at, Guid visitId)
    {
        Exemplar? retired = null;
        if (person.Exemplars.Count >= Profile.ExemplarCap)
        {
            var vectors = person.Exemplars.Select(exemplar => exemplar.Record.Vector).Append(frame).ToList();
            var redundant = MostRedundant(vectors);
            if (redundant == person.Exemplars.Count)
            {
                return (null, null);
            }
            retired = person.Exemplars[redundant];
            Discard(person, retired);
        }
        var added = new Exemplar(nextHandle++, new ExemplarRecord(Guid.CreateVersion7(at), frame, at, visitId));
        person.Exemplars.Add(added);
        exemplarOf.Add(added.Handle, (person, added));
        gallery.Upsert(added.Handle, frame);
        return (added.Record, retired?.Record.Id);
    }

    /// <summary>The position of the vector nearest to another one in the list; the earliest wins a tie.</summary>
    private int MostRedundant(List<float[]> vectors)
    {
        var position = 0;
        var smallest = float.MaxValue;
        for (var candidate = 0; candidate < vectors.Count; candidate++)
        {
            for (var other = 0; other < vectors.Count; other++)
            {
                if (other != candidate)
                {
                    var distance = VectorMath.Distance(Profile.Metric, vectors[candidate], vectors[other]);
                    if (distance < smallest)
                    {
                        (position, smallest) = (candidate, distance);
                    }
                }
            }
        }
        return position;
    }

    private void Discard(Identity person, Exemplar exemplar)
    {
        person.Exemplars.Remove(exemplar);
        exemplarOf.Remove(exemplar.Handle);
        gallery.Remove(exemplar.Handle);
    }

    private Identity Require(Guid personId) =>
        persons.TryGetValue(personId, out var identity)
            ? identity
            : throw new KeyNotFoundException($"Person {personId} is not in this organization's gallery.");

    private sealed record Exemplar(long Handle, ExemplarRecord Record);

    private sealed class Identity(Guid id, PersonStatus status, DateTimeOffset firstSeen, DateTimeOffset lastSeen, int confidentVisits)
    {
        public Guid Id { get; } = id;

        public PersonStatus Status { get; set; } = status;

        public DateTimeOffset FirstSeen { get; set; } = firstSeen;

        public DateTimeOffset LastSeen { get; set; } = lastSeen;

        public int ConfidentVisits { get; set; } = confidentVisits;

        public List<Exemplar> Exemplars { get; } = [];

        public PersonRecord ToRecord() =>
            new(Id, Status, FirstSeen, LastSeen, ConfidentVisits, [.. Exemplars.Select(exemplar => exemplar.Record)]);
    }

    /// <summary>A visit in progress: its person, how it was attached and its most recent frames.</summary>
    private sealed class Stay(Guid visitId, Identity person, Decision attachment, DateTimeOffset startedAt)
    {
        public Guid VisitId { get; } = visitId;

        public Identity Person { get; set; } = person;

        public Decision Attachment { get; } = attachment;

        public DateTimeOffset LastAt { get; private set; } = startedAt;

        public Queue<float[]> Frames { get; } = new();

        public void Add(float[] frame, DateTimeOffset at, int limit)
        {
            Frames.Enqueue(frame);
            while (Frames.Count > limit)
            {
                Frames.Dequeue();
            }
            if (at > LastAt)
            {
                LastAt = at;
            }
        }
    }
}
