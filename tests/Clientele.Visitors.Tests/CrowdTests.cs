using Clientele.Visitors.Recognition;
using Clientele.Visitors.Tests.Support;
using Clientele.Visitors.Vectors;
using Xunit.Abstractions;

namespace Clientele.Visitors.Tests;

/// <summary>The bar: a crowd of strangers from the corrected generator of spec §2.3 merges under 1 % of them.</summary>
public sealed class CrowdTests(ITestOutputHelper output)
{
    [Fact]
    public void A_crowd_of_300_strangers_over_two_weeks_merges_fewer_than_1_percent()
    {
        var (identities, frames) = new Crowd(31).Fortnight(300, seed: 32, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        using var engine = new Reidentifier(new MatchProfile());
        var ownerOf = new Dictionary<Guid, int>();
        var mergedIdentities = new HashSet<int>();
        var wrongFrames = 0;
        var personsOf = new Dictionary<int, HashSet<Guid>>();

        foreach (var (at, identity, vector) in frames)
        {
            var decision = engine.Observe(vector, at);
            if (decision.Decision == Decision.Created)
            {
                ownerOf[decision.PersonId] = identity;
            }
            else if (ownerOf[decision.PersonId] != identity)
            {
                wrongFrames++;
                mergedIdentities.Add(identity);
                mergedIdentities.Add(ownerOf[decision.PersonId]);
            }
            (personsOf.TryGetValue(identity, out var persons) ? persons : personsOf[identity] = []).Add(decision.PersonId);
        }

        var mergeRate = (double)mergedIdentities.Count / identities.Count;
        output.WriteLine($"{frames.Count} frames of {identities.Count} identities: {engine.PersonCount} persons, " +
            $"{mergedIdentities.Count} identities involved in a false merge ({mergeRate:P2}), {wrongFrames} frames attached to another identity, " +
            $"{personsOf.Values.Average(persons => persons.Count):F2} persons per identity (splits).");
        var people = engine.Persons();
        output.WriteLine($"persons: {people.Count(person => person.Status == PersonStatus.Confirmed)} confirmed, " +
            $"{people.Count(person => person.Status == PersonStatus.Provisional && person.Exemplars.Count == 1)} provisional with a single exemplar.");
        var strangers = StrangerDistances(identities);
        output.WriteLine($"stranger pairs: min {strangers[0]:F3}, 1st percentile {strangers[strangers.Count / 100]:F3}, " +
            $"median {strangers[strangers.Count / 2]:F3}, under 0.6 {strangers.Count(distance => distance < 0.6f) * 100.0 / strangers.Count:F2} %");
        Assert.True(mergeRate < 0.01, $"{mergeRate:P2} of the identities were merged with a stranger");
    }

    private static List<float> StrangerDistances(List<float[]> identities)
    {
        var distances = new List<float>();
        for (var first = 0; first < identities.Count; first++)
        {
            for (var second = first + 1; second < identities.Count; second++)
            {
                distances.Add(VectorMath.Distance(VectorMetric.Euclidean, identities[first], identities[second]));
            }
        }
        distances.Sort();
        return distances;
    }
}
