using Clientele.Visitors.Recognition;
using Clientele.Visitors.Tests.Support;
using Clientele.Visitors.Vectors;

namespace Clientele.Visitors.Tests;

public sealed class ReidentifierTests
{
    private static readonly DateTimeOffset Opening = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly Faces faces = new(2024);

    [Fact]
    public void A_stranger_between_the_thresholds_with_nobody_seen_recently_is_a_new_person()
    {
        using var engine = new Reidentifier(new MatchProfile());
        var anna = faces.Identity();
        var first = engine.Observe(anna, Opening);

        var stranger = engine.Observe(faces.At(anna, 0.55f), Opening.AddHours(2));

        Assert.Equal(Decision.Created, stranger.Decision);
        Assert.Equal(DecisionReason.ProbableNotRecent, stranger.Reason);
        Assert.NotEqual(first.PersonId, stranger.PersonId);
        Assert.Equal(first.PersonId, stranger.NearestPersonId);
        Assert.Equal(0.55f, stranger.Distance!.Value, 3);
        Assert.Equal(2, engine.PersonCount);
    }

    [Fact]
    public void Session_only_joins_the_frames_of_a_stay_and_forgets_the_face_when_the_stay_ends()
    {
        using var engine = new Reidentifier(new MatchProfile(), sessionOnly: true);
        var anna = faces.Identity();
        var first = engine.Observe(faces.Sighting(anna), Opening);
        var second = engine.Observe(faces.Sighting(anna), Opening.AddSeconds(30));
        Assert.Equal(first.PersonId, second.PersonId);
        Assert.Equal(first.VisitId, second.VisitId);
        Assert.True(engine.ExemplarCount > 0);

        Assert.Equal([first.VisitId], engine.CloseStays(Opening.AddMinutes(10)));
        Assert.Equal(0, engine.ExemplarCount);
        Assert.Equal(0, engine.PersonCount);
        var later = engine.Observe(faces.Sighting(anna), Opening.AddHours(3));

        Assert.Equal(Decision.Created, later.Decision);
        Assert.Equal(DecisionReason.EmptyGallery, later.Reason);
        Assert.NotEqual(first.PersonId, later.PersonId);
    }

    [Fact]
    public void A_confident_match_with_a_clear_margin_matches_learns_and_confirms()
    {
        using var engine = new Reidentifier(new MatchProfile { Version = 7 });
        var anna = faces.Identity();
        var bert = faces.Identity();
        var annaFirst = engine.Observe(anna, Opening);
        var bertFirst = engine.Observe(bert, Opening.AddMinutes(1));

        var again = engine.Observe(faces.At(anna, 0.3f), Opening.AddHours(3));

        Assert.Equal(PersonStatus.Provisional, engine.Find(bertFirst.PersonId)!.Status);
        Assert.Equal(Decision.Matched, again.Decision);
        Assert.Equal(DecisionReason.Confident, again.Reason);
        Assert.Equal(annaFirst.PersonId, again.PersonId);
        Assert.Equal(0.3f, again.Distance!.Value, 3);
        Assert.Equal(bertFirst.PersonId, again.SecondPersonId);
        Assert.True(again.Margin >= 0.1f);
        Assert.True(again.StartsVisit);
        Assert.NotEqual(annaFirst.VisitId, again.VisitId);
        Assert.NotNull(again.Learned);
        Assert.True(again.Confirmed);
        Assert.Equal(7, again.ProfileVersion);
        Assert.Equal(PersonStatus.Confirmed, engine.Find(annaFirst.PersonId)!.Status);
        Assert.Equal(2, engine.Find(annaFirst.PersonId)!.Exemplars.Count);
    }

    [Fact]
    public void Close_to_two_persons_without_a_margin_is_not_a_confident_match()
    {
        using var engine = new Reidentifier(new MatchProfile());
        var anna = faces.Identity();
        var bert = faces.At(anna, 0.7f);
        var annaFirst = engine.Observe(anna, Opening);
        var bertFirst = engine.Observe(bert, Opening.AddHours(1));
        Assert.Equal(Decision.Created, bertFirst.Decision);

        var between = engine.Observe(Faces.Midpoint(anna, bert), Opening.AddHours(5));

        Assert.Equal(Decision.Created, between.Decision);
        Assert.Equal(DecisionReason.NoMargin, between.Reason);
        Assert.Equal(0.35f, between.Distance!.Value, 3);
        Assert.Equal(0.35f, between.SecondDistance!.Value, 3);
        Assert.Contains(annaFirst.PersonId, new[] { between.NearestPersonId, between.SecondPersonId });
        Assert.Null(engine.Find(annaFirst.PersonId)!.Exemplars.SingleOrDefault(exemplar => exemplar.VisitId == between.VisitId));
    }

    [Fact]
    public void A_probable_match_attaches_only_to_a_recent_person_and_is_never_learned()
    {
        using var engine = new Reidentifier(new MatchProfile());
        var anna = faces.Identity();
        var first = engine.Observe(anna, Opening);
        var lookAlike = faces.At(anna, 0.55f);

        var probable = engine.Observe(lookAlike, Opening.AddMinutes(10));
        var sameStay = engine.Observe(faces.At(lookAlike, 0.05f), Opening.AddMinutes(11));

        Assert.Equal(Decision.Probable, probable.Decision);
        Assert.Equal(DecisionReason.ProbableRecent, probable.Reason);
        Assert.Equal(first.PersonId, probable.PersonId);
        Assert.True(probable.StartsVisit);
        Assert.Null(probable.Learned);
        Assert.Equal(Decision.Probable, sameStay.Decision);
        Assert.Equal(DecisionReason.ContinuedStay, sameStay.Reason);
        Assert.Equal(probable.VisitId, sameStay.VisitId);
        Assert.Null(sameStay.Learned);
        var person = engine.Find(first.PersonId)!;
        Assert.Single(person.Exemplars);
        Assert.Equal(PersonStatus.Provisional, person.Status);
        Assert.Equal(Opening, person.LastSeen);

        var later = engine.Observe(faces.At(anna, 0.55f), Opening.AddHours(2));
        Assert.Equal(Decision.Created, later.Decision);
    }

    [Fact]
    public void A_new_person_is_provisional_until_seen_again_in_a_later_visit()
    {
        using var engine = new Reidentifier(new MatchProfile());
        var anna = faces.Identity();

        var first = engine.Observe(faces.Sighting(anna), Opening);
        var sameStay = engine.Observe(faces.Sighting(anna), Opening.AddSeconds(30));

        Assert.Equal(Decision.Created, first.Decision);
        Assert.Equal(PersonStatus.Provisional, engine.Find(first.PersonId)!.Status);
        Assert.False(sameStay.Confirmed);
        Assert.Equal(PersonStatus.Provisional, engine.Find(first.PersonId)!.Status);

        var returning = engine.Observe(faces.Sighting(anna), Opening.AddDays(1));

        Assert.Equal(Decision.Matched, returning.Decision);
        Assert.True(returning.Confirmed);
        Assert.Equal(PersonStatus.Confirmed, engine.Find(first.PersonId)!.Status);
    }

    [Fact]
    public void Twenty_noisy_frames_of_one_stay_make_one_person_and_one_visit()
    {
        using var engine = new Reidentifier(new MatchProfile());
        var anna = faces.Identity();
        engine.Observe(faces.Identity(), Opening.AddHours(-3));

        var decisions = Enumerable.Range(0, 20).Select(frame => engine.Observe(faces.Sighting(anna), Opening.AddSeconds(5 * frame))).ToList();

        Assert.Equal(Decision.Created, decisions[0].Decision);
        Assert.All(decisions.Skip(1), decision =>
        {
            Assert.Equal(Decision.Matched, decision.Decision);
            Assert.Equal(DecisionReason.ContinuedStay, decision.Reason);
            Assert.False(decision.StartsVisit);
        });
        Assert.Single(decisions.Select(decision => decision.PersonId).Distinct());
        Assert.Single(decisions.Select(decision => decision.VisitId).Distinct());
        Assert.Equal(2, engine.PersonCount);
        Assert.InRange(engine.Find(decisions[0].PersonId)!.Exemplars.Count, 2, new MatchProfile().ExemplarCap);
    }

    [Fact]
    public void Two_visits_hours_apart_make_one_person_and_two_visits()
    {
        using var engine = new Reidentifier(new MatchProfile());
        var anna = faces.Identity();

        var morning = Enumerable.Range(0, 5).Select(frame => engine.Observe(faces.Sighting(anna), Opening.AddSeconds(10 * frame))).ToList();
        var evening = Enumerable.Range(0, 5).Select(frame => engine.Observe(faces.Sighting(anna), Opening.AddHours(3).AddSeconds(10 * frame))).ToList();

        Assert.Single(morning.Concat(evening).Select(decision => decision.PersonId).Distinct());
        Assert.Equal(2, morning.Concat(evening).Select(decision => decision.VisitId).Distinct().Count());
        Assert.True(evening[0].StartsVisit);
        Assert.Equal(DecisionReason.Confident, evening[0].Reason);
        Assert.Equal(1, engine.PersonCount);
    }

    [Fact]
    public void A_frame_after_the_stay_gap_starts_a_new_visit()
    {
        var profile = new MatchProfile { StayGap = TimeSpan.FromSeconds(60) };
        using var engine = new Reidentifier(profile);
        var anna = faces.Identity();

        var first = engine.Observe(faces.Sighting(anna), Opening);
        var within = engine.Observe(faces.Sighting(anna), Opening.AddSeconds(60));
        var after = engine.Observe(faces.Sighting(anna), Opening.AddSeconds(121));

        Assert.Equal(first.VisitId, within.VisitId);
        Assert.NotEqual(first.VisitId, after.VisitId);
        Assert.Equal(first.PersonId, after.PersonId);
    }

    [Fact]
    public void A_person_is_matched_by_the_nearest_exemplar_not_by_the_centroid()
    {
        var profile = new MatchProfile();
        var near = faces.Identity();
        var far = faces.At(near, 0.9f);
        var anna = new PersonRecord(Guid.NewGuid(), PersonStatus.Confirmed, Opening, Opening, 2,
        [
            new ExemplarRecord(Guid.NewGuid(), near, Opening, Guid.NewGuid()),
            new ExemplarRecord(Guid.NewGuid(), far, Opening, Guid.NewGuid()),
        ]);
        using var engine = new Reidentifier(profile, [anna]);
        var frame = Faces.Along(far, Faces.UnitTowards(near, far), 0.3f);

        var decision = engine.Observe(frame, Opening.AddDays(1));

        var centroid = Faces.Midpoint(near, far);
        Assert.True(VectorMath.Distance(VectorMetric.Euclidean, frame, centroid) > profile.ProbableDistance);
        Assert.Equal(Decision.Matched, decision.Decision);
        Assert.Equal(anna.Id, decision.PersonId);
        Assert.Equal(0.3f, decision.Distance!.Value, 3);
    }

    [Fact]
    public void A_full_gallery_replaces_its_most_redundant_exemplar()
    {
        using var engine = new Reidentifier(new MatchProfile { ExemplarCap = 3 });
        var anna = faces.Identity();

        var decisions = Enumerable.Range(0, 10).Select(frame => engine.Observe(faces.Sighting(anna), Opening.AddSeconds(frame))).ToList();

        var person = engine.Find(decisions[0].PersonId)!;
        Assert.Equal(3, person.Exemplars.Count);
        Assert.Contains(decisions, decision => decision.RetiredExemplarId is not null);
        var retired = decisions.Select(decision => decision.RetiredExemplarId).OfType<Guid>().ToHashSet();
        Assert.DoesNotContain(person.Exemplars, exemplar => retired.Contains(exemplar.Id));
    }

    [Fact]
    public void Merge_joins_two_persons_and_split_separates_them_again()
    {
        using var engine = new Reidentifier(new MatchProfile());
        var anna = faces.Identity();
        var bert = faces.Identity();
        var annaFirst = engine.Observe(anna, Opening);
        var bertFirst = engine.Observe(bert, Opening.AddHours(1));

        var merged = engine.Merge(annaFirst.PersonId, bertFirst.PersonId);

        Assert.Equal(1, engine.PersonCount);
        Assert.Null(engine.Find(bertFirst.PersonId));
        Assert.Equal([bertFirst.Learned!.Id], merged.MovedExemplarIds);
        Assert.Equal(annaFirst.PersonId, engine.Observe(faces.At(bert, 0.2f), Opening.AddHours(5)).PersonId);

        var bertExemplars = engine.Find(annaFirst.PersonId)!.Exemplars
            .Where(exemplar => VectorMath.Distance(VectorMetric.Euclidean, exemplar.Vector, bert) < 0.5f)
            .Select(exemplar => exemplar.Id)
            .ToList();
        var split = engine.Split(annaFirst.PersonId, bertExemplars);

        Assert.Equal(2, engine.PersonCount);
        Assert.Equal(split.NewPersonId, engine.Observe(faces.At(bert, 0.2f), Opening.AddDays(1)).PersonId);
        Assert.Equal(annaFirst.PersonId, engine.Observe(faces.At(anna, 0.2f), Opening.AddDays(1).AddHours(1)).PersonId);
        Assert.Throws<ArgumentException>(() => engine.Split(annaFirst.PersonId, [Guid.NewGuid()]));
    }

    [Fact]
    public void An_engine_rebuilt_from_its_records_decides_the_same()
    {
        using var engine = new Reidentifier(new MatchProfile());
        var people = Enumerable.Range(0, 30).Select(_ => faces.Identity()).ToList();
        for (var person = 0; person < people.Count; person++)
        {
            engine.Observe(people[person], Opening.AddHours(person));
        }
        using var rebuilt = new Reidentifier(new MatchProfile(), engine.Persons(), new VectorIndexOptions { HnswThreshold = 10 });

        foreach (var person in people)
        {
            var frame = faces.At(person, 0.25f);
            var expected = engine.Observe(frame, Opening.AddDays(3));
            var actual = rebuilt.Observe(frame, Opening.AddDays(3));
            Assert.Equal(expected.PersonId, actual.PersonId);
            Assert.Equal(expected.Distance!.Value, actual.Distance!.Value, 4);
        }
    }

    [Fact]
    public void Forget_erases_the_person()
    {
        using var engine = new Reidentifier(new MatchProfile());
        var anna = faces.Identity();
        var first = engine.Observe(anna, Opening);

        Assert.True(engine.Forget(first.PersonId));
        var again = engine.Observe(anna, Opening.AddSeconds(5));

        Assert.Equal(Decision.Created, again.Decision);
        Assert.Equal(DecisionReason.EmptyGallery, again.Reason);
    }

    [Fact]
    public async Task Frames_arriving_on_several_threads_are_decided_one_at_a_time()
    {
        using var engine = new Reidentifier(new MatchProfile());
        var people = Enumerable.Range(0, 8).Select(_ => faces.Identity()).ToList();
        var frames = people.SelectMany((person, index) => Enumerable.Range(0, 25).Select(frame => (Person: index, Vector: faces.Sighting(person)))).ToList();

        var decisions = await Task.WhenAll(frames.Select(frame => Task.Run(() => (frame.Person, Decision: engine.Observe(frame.Vector, Opening)))));

        Assert.Equal(people.Count, engine.PersonCount);
        Assert.All(decisions.GroupBy(result => result.Person), group => Assert.Single(group.Select(result => result.Decision.PersonId).Distinct()));
        Assert.Equal(people.Count, decisions.Count(result => result.Decision.Decision == Decision.Created));
    }
}
