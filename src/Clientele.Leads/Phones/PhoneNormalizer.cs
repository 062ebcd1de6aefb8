using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Clientele.Leads.Phones;

/// <summary>A phone in E.164 (`+77771234567`, the key for de-duplication) and as the seed shows it (`+7 777 123 4567`).</summary>
public sealed record NormalizedPhone(string E164, string Display, string Region, bool IsMobile)
{
    public bool IsKazakh => Region == PhoneNormalizer.DefaultRegion;

    public bool IsRussian => Region == "RU";
}

/// <summary>The outcome of reading a phone: the number, or why it is not one.</summary>
public sealed record PhoneResult(NormalizedPhone? Phone, string? Error)
{
    public bool IsValid => Phone is not null;
}

/// <summary>A phone-like run of digits in free text, with where it stands, valid or not.</summary>
public sealed record FoundPhone(string Written, int Start, int Length, PhoneResult Result);

/// <summary>
/// Kazakh numbers through libphonenumber with KZ as the default region: «8 777 123 45 67», «87771234567», «7771234567»,
/// «+7 (777) 123-45-67» are all `+77771234567`. Kazakhstan shares +7 with Russia; the region is kept so callers can tell them apart.
/// </summary>
public static partial class PhoneNormalizer
{
    public const string DefaultRegion = "KZ";

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    [GeneratedRegex(@"(?<![\d+])\+?\d(?:[\s\-().]{0,3}\d){8,14}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    public static PhoneResult Normalize(string? input, string defaultRegion = DefaultRegion)
    {
        if (string.IsNullOrWhiteSpace(input))
            return new PhoneResult(null, "Phone is empty");
        var digits = input.Count(char.IsDigit);
        if (digits < 10)
            return new PhoneResult(null, $"Phone '{input.Trim()}' has {digits} digits; a full number has 10 after the country code");
        PhoneNumber number;
        try
        {
            number = Numbers.Parse(input, defaultRegion);
        }
        catch (NumberParseException)
        {
            return new PhoneResult(null, $"'{input.Trim()}' is not a phone number");
        }
        if (!Numbers.IsValidNumber(number))
            return new PhoneResult(null, $"'{input.Trim()}' is not a valid phone number");
        var type = Numbers.GetNumberType(number);
        var phone = new NormalizedPhone(
            Numbers.Format(number, PhoneNumberFormat.E164),
            Numbers.Format(number, PhoneNumberFormat.INTERNATIONAL),
            Numbers.GetRegionCodeForNumber(number) ?? "",
            type is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE);
        return new PhoneResult(phone, null);
    }

    /// <summary>Every run of 9–15 digits (spaces, dashes, brackets allowed between them) in <paramref name="text"/>.</summary>
    public static IReadOnlyList<FoundPhone> FindIn(string text, string defaultRegion = DefaultRegion)
    {
        var found = new List<FoundPhone>();
        foreach (Match match in Candidate().Matches(text))
        {
            var written = match.Value.Trim();
            if (LooksLikeAmounts(written))
                continue;
            found.Add(new FoundPhone(written, match.Index, match.Length, Normalize(written, defaultRegion)));
        }
        return found;
    }

    [GeneratedRegex(@"^\d{1,3}(?:[ .]\d{3})+$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsGrouped();

    /// <summary>«150 000 000» or «15 000 - 20 000»: digits grouped by thousands are money, not a phone.</summary>
    private static bool LooksLikeAmounts(string written) =>
        !written.StartsWith('+') && written.Split(['-', '–'], StringSplitOptions.TrimEntries).All(side => ThousandsGrouped().IsMatch(side));
}
