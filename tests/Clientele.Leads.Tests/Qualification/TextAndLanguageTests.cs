using Clientele.Leads.Qualification;

namespace Clientele.Leads.Tests.Qualification;

public sealed class TextAndLanguageTests
{
    [Fact]
    public void Normalizing_lowers_folds_kazakh_letters_and_yo_and_drops_emojis()
    {
        var text = TextNormalizer.Normalize("Ёлка ҚАНША тұрады?? 😍🔥");

        Assert.Equal(" елка канша турады ", text.Words);
        Assert.Contains("қанша", text.Lowered, StringComparison.Ordinal);
    }

    [Fact]
    public void Latin_lookalikes_inside_cyrillic_words_become_cyrillic()
    {
        var mixed = TextNormalizer.Normalize("нoутбук сломaлся");

        Assert.Equal(" ноутбук сломался ", mixed.Words);
    }

    [Theory]
    [InlineData("srochno nuzhen remont", " срочно нужен ремонт ")]
    [InlineData("qansha turady", " канша турады ")]
    [InlineData("zavtra", " завтра ")]
    public void Latin_transliteration_reads_as_cyrillic(string written, string words) =>
        Assert.Equal(words, TextNormalizer.Normalize(written).Words);

    [Theory]
    [InlineData("Здравствуйте, сколько стоит ремонт ноутбука?", Language.Russian)]
    [InlineData("Сәлеметсіз бе, ноутбукты жөндеу қанша тұрады?", Language.Kazakh)]
    [InlineData("Салеметсиз бе, канша турады?", Language.Kazakh)]
    [InlineData("salem, qansha turady? kerek", Language.Kazakh)]
    [InlineData("zdravstvuyte, skolko stoit?", Language.Russian)]
    [InlineData("Сәлем, ноутбук ремонт керек, бүгін", Language.Kazakh)]
    [InlineData("Нужен срочно ремонт, у меня не работает экран", Language.Russian)]
    public void Language_is_detected_per_message(string message, Language expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(TextNormalizer.Normalize(message)));

    [Fact]
    public void A_message_without_words_keeps_the_conversations_language()
    {
        Assert.Equal(Language.Kazakh, LanguageDetector.Detect(TextNormalizer.Normalize("👍 87011234567"), Language.Kazakh));
        Assert.Equal(Language.Russian, LanguageDetector.Detect(TextNormalizer.Normalize("???"), Language.Russian));
    }
}
