using Clientele.Leads.Phones;

namespace Clientele.Leads.Tests.Phones;

public sealed class PhoneNormalizerTests
{
    [Theory]
    [InlineData("+7 777 123 4567")]
    [InlineData("87771234567")]
    [InlineData("8 777 123 45 67")]
    [InlineData("+77771234567")]
    [InlineData("7771234567")]
    [InlineData("77771234567")]
    [InlineData("+7 (777) 123-45-67")]
    [InlineData("8-777-123-45-67")]
    public void Kazakh_spellings_become_one_E164_and_the_seed_display(string written)
    {
        var result = PhoneNormalizer.Normalize(written);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("+77771234567", result.Phone!.E164);
        Assert.Equal("+7 777 123 4567", result.Phone.Display);
        Assert.Equal("KZ", result.Phone.Region);
        Assert.True(result.Phone.IsMobile);
    }

    [Fact]
    public void Russian_numbers_are_valid_and_keep_their_region()
    {
        var result = PhoneNormalizer.Normalize("89161234567");

        Assert.True(result.IsValid);
        Assert.Equal("+79161234567", result.Phone!.E164);
        Assert.Equal("RU", result.Phone.Region);
        Assert.False(result.Phone.IsKazakh);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("123")]
    [InlineData("+7 (777) 12")]
    [InlineData("позвоните мне")]
    [InlineData("8 000 000 00 00")]
    public void Garbage_is_a_clear_failure(string? written)
    {
        var result = PhoneNormalizer.Normalize(written);

        Assert.False(result.IsValid);
        Assert.Null(result.Phone);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void Phones_are_found_in_chat_text_with_their_position()
    {
        const string text = "Мой номер 8 (701) 123-45-67, звоните после обеда";

        var found = Assert.Single(PhoneNormalizer.FindIn(text));

        Assert.Equal("+77011234567", found.Result.Phone!.E164);
        Assert.Equal("8 (701) 123-45-67", text.Substring(found.Start, found.Length).Trim());
    }

    [Fact]
    public void Amounts_in_text_are_not_phones()
    {
        Assert.Empty(PhoneNormalizer.FindIn("бюджет от 150 000 000 тенге"));
        Assert.Empty(PhoneNormalizer.FindIn("до 20 000, срочно"));
        Assert.Empty(PhoneNormalizer.FindIn("бюджет 15 000 - 20 000"));
    }

    [Fact]
    public void A_foreign_number_is_valid_but_not_kazakh()
    {
        var found = Assert.Single(PhoneNormalizer.FindIn("пишите +1 202 555 0143"));

        Assert.True(found.Result.IsValid);
        Assert.Equal("US", found.Result.Phone!.Region);
    }
}
