using Clientele.Leads.Qualification;
using Xunit.Abstractions;

namespace Clientele.Leads.Tests.Qualification;

/// <summary>
/// The evaluation of issue 17: scripted Russian, Kazakh and mixed conversations (Conversations/*.json, written as a
/// salesperson would label them, not from the engine's word lists) must end in the right status for ≥ 90 % per language.
/// </summary>
public sealed class AccuracyTests(ITestOutputHelper output)
{
    private const double Goal = 0.90;

    public static TheoryData<string> Languages => [.. ScriptedConversations.Languages];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Final_status_is_right_for_at_least_90_percent_per_language(string language)
    {
        var conversations = ScriptedConversations.Load(language);
        var bot = new QualificationBot();
        var wrong = new List<string>();
        foreach (var conversation in conversations)
        {
            var assessment = ScriptedConversations.Play(bot, conversation).Assessment;
            if (assessment.Status.WireName() != conversation.Expected)
                wrong.Add($"{conversation.Id}: expected {conversation.Expected}, got {assessment.Status.WireName()} ({assessment.QualityScore}, {assessment.StatusReason}; "
                          + string.Join("; ", assessment.Factors.Select(factor => $"{factor.Factor.WireName()} {factor.Points}/{factor.MaxPoints} {factor.Explanation}")) + ")");
        }
        var accuracy = (conversations.Count - wrong.Count) / (double)conversations.Count;
        output.WriteLine($"{language}: {conversations.Count - wrong.Count}/{conversations.Count} right = {accuracy:P1}");
        foreach (var line in wrong)
            output.WriteLine(line);

        Assert.True(conversations.Count >= 40, $"{language} has only {conversations.Count} conversations");
        Assert.True(accuracy >= Goal, $"{language}: {accuracy:P1} < {Goal:P0}\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public void Every_language_has_every_status()
    {
        foreach (var language in ScriptedConversations.Languages)
        {
            var statuses = ScriptedConversations.Load(language).Select(conversation => conversation.Expected).ToHashSet();
            Assert.Equal(["contacted", "hot", "qualified", "spam"], statuses.Order());
        }
    }
}
