using System.Globalization;
using System.Text;
using static Clientele.Banking.Offers.Push.PushVocabulary;

namespace Clientele.Banking.Offers.Push;

/// <summary>Checks a push against the house rules P01–P22 of the spec (§5). P23, determinism, is a property of the composer.</summary>
public static class PushChecker
{
    public static IReadOnlyList<PushFinding> Check(string text, ClientFeatures client, ProductOffer offer) =>
        Check(text, client, offer, new PushSettings());

    public static IReadOnlyList<PushFinding> Check(string text, ClientFeatures client, ProductOffer offer, PushSettings settings)
    {
        var findings = new List<PushFinding>();
        var trimmed = text.Trim();
        var sentences = SentenceBreak().Split(trimmed).Where(s => s.Length > 0).ToList();
        var amounts = Amounts(trimmed);

        Length(trimmed, settings, findings);
        if (!trimmed.StartsWith(client.Name + ",", StringComparison.Ordinal))
        {
            Error(findings, "P02", $"The text must begin with the client's name and a comma: «{client.Name},».");
        }
        if (CapitalisedYou().Match(trimmed) is { Success: true } you)
        {
            Error(findings, "P03", $"«{you.Value}» is capitalised inside a sentence; address the client as «вы» in lower case.");
        }
        if (InformalYou().Match(trimmed) is { Success: true } informal)
        {
            Error(findings, "P04", $"Informal «{informal.Value}»; the bank says «вы».");
        }
        var caps = Word().Matches(trimmed).Select(m => m.Value).Where(w => w.Length >= 3 && w.All(char.IsUpper) && !AllowedCaps.Contains(w)).ToList();
        if (caps.Count > 0)
        {
            Error(findings, "P05", $"Words in capitals: {string.Join(", ", caps)}.");
        }
        var exclamations = trimmed.Count(c => c == '!');
        if (exclamations > 1)
        {
            Error(findings, "P06", $"{exclamations} exclamation marks; at most one.");
        }
        var emoji = EmojiCount(trimmed);
        if (emoji > 1)
        {
            Error(findings, "P07", $"{emoji} emoji; at most one.");
        }
        CallToAction(sentences, findings);
        Factual(trimmed, amounts, client, offer, findings);
        Benefit(trimmed, amounts, client, offer, settings, findings);
        MoneyFormat(trimmed, findings);
        if (DotPercent().Match(trimmed) is { Success: true } percent)
        {
            Error(findings, "P13", $"«{percent.Value}»: write decimals of a percentage with a comma (14,5%).");
        }
        Dates(trimmed, findings);
        StopList(trimmed, Pressure(), "P15", "Pressure or a loud promise", PushSeverity.Warning, findings);
        StopList(trimmed, Officialese(), "P16", "Officialese", PushSeverity.Warning, findings);
        StopList(trimmed, Moralising(), "P17", "Moralising about the client's spending", PushSeverity.Warning, findings);
        if (offer.Product is Products.Investments or Products.GoldBars)
        {
            StopList(trimmed, ReturnPromise(), "P18", "A promise of returns", PushSeverity.Error, findings);
        }
        if (offer.Product == Products.CashLoan && !offer.Eligible)
        {
            Error(findings, "P19", "A cash loan is offered only when the need is explicit (the offer is not eligible).");
        }
        StopList(trimmed, UrgentMoney(), "P19", "Pushy wording about needing money", PushSeverity.Error, findings);
        ProductNamed(trimmed, offer, findings);
        if (settings.IsYoung(client))
        {
            StopList(trimmed, Slang(), "P21", "Slang for a young client", PushSeverity.Warning, findings);
        }
        OneIdea(text, findings);
        return findings;
    }

    private static void Length(string text, PushSettings settings, List<PushFinding> findings)
    {
        var length = text.Length;
        if (length < settings.AllowedMinLength || length > settings.AllowedMaxLength)
        {
            Error(findings, "P01", $"{length} characters; allowed {settings.AllowedMinLength}–{settings.AllowedMaxLength}.");
        }
        else if (length < settings.TargetMinLength || length > settings.TargetMaxLength)
        {
            Warning(findings, "P01", $"{length} characters; the target is {settings.TargetMinLength}–{settings.TargetMaxLength}.");
        }
    }

    private static void CallToAction(List<string> sentences, List<PushFinding> findings)
    {
        var last = sentences.Count == 0 ? "" : sentences[^1];
        var words = Word().Matches(last).Count;
        var isCta = (Cta().IsMatch(last) && words <= 4) || CtaQuestion().IsMatch(last);
        var earlier = sentences.Take(Math.Max(0, sentences.Count - 1)).ToList();
        var earlierVerb = earlier.Select(s => CtaVerb().Match(s)).FirstOrDefault(m => m.Success);
        if (!isCta)
        {
            Error(findings, "P08", $"The last sentence «{last}» is not a call to action from the whitelist (2–4 words, e.g. «Оформить карту.»).");
        }
        if (earlierVerb is not null)
        {
            Error(findings, "P08", $"«{earlierVerb.Value}» before the end: exactly one call to action, placed last.");
        }
        if (isCta && earlier.Count < 2)
        {
            Warning(findings, "P09", $"{earlier.Count} sentence(s) before the call to action; context and benefit need at least 2.");
        }
    }

    private static void Factual(string text, List<decimal> amounts, ClientFeatures client, ProductOffer offer, List<PushFinding> findings)
    {
        var facts = PushFacts.ForProduct(client, offer);
        var quoted = amounts.Any(facts.HasAmount)
            || facts.Categories.Any(c => text.Contains(c, StringComparison.OrdinalIgnoreCase))
            || Integers(text).Any(facts.Counts.Contains)
            || facts.Months.Any(m => MonthMentioned(text, m));
        if (!quoted)
        {
            Error(findings, "P10", $"No figure, category or month from the client's data that speaks for {offer.Product}.");
        }
    }

    private static void Benefit(string text, List<decimal> amounts, ClientFeatures client, ProductOffer offer, PushSettings settings, List<PushFinding> findings)
    {
        if (amounts.Any(a => decimal.Truncate(a) == 0))
        {
            Error(findings, "P11", "«0 ₸»: a zero benefit is said in words or as a percentage, never as an amount.");
        }
        if (!PercentFigure().IsMatch(text) && !amounts.Any(a => a >= 1))
        {
            Warning(findings, "P11", "No concrete benefit: neither a percentage nor an amount in ₸.");
        }
        var facts = PushFacts.ForClient(client, offer);
        var benefits = new[] { offer.BenefitKztPerMonth, offer.BenefitKztPerMonth * client.MonthsCovered };
        foreach (var amount in amounts.Where(a => a >= 1))
        {
            var known = benefits.Any(b => PushFacts.Matches(amount, b))
                || facts.HasAmount(amount)
                || settings.CatalogueAmounts.Contains(amount);
            if (!known)
            {
                Warning(findings, "P11", $"{amount.ToString(CultureInfo.InvariantCulture)} ₸ is neither the computed benefit ({offer.BenefitKztPerMonth.ToString("0.##", CultureInfo.InvariantCulture)} ₸ a month) nor a figure from the client's data.");
            }
        }
    }

    private static void MoneyFormat(string text, List<PushFinding> findings)
    {
        foreach (var (pattern, message) in new[]
        {
            (UngroupedAmount(), "4 or more digits in a row before ₸; group thousands with spaces"),
            (NoSpaceBeforeTenge(), "no space between the amount and ₸"),
            (ThousandsComma(), "a comma as the thousands separator"),
            (DotDecimalsInMoney(), "decimals of an amount after a dot; use a comma"),
            (OtherCurrencyWord(), "«тг», «KZT» or «тенге» next to an amount; the app writes ₸"),
        })
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                Error(findings, "P12", $"«{match.Value}»: {message}.");
            }
        }
    }

    private static void Dates(string text, List<PushFinding> findings)
    {
        foreach (var (pattern, message) in new[]
        {
            (IsoDate(), "an ISO date; write dd.mm.yyyy or in words"),
            (SlashDate(), "a date with slashes; write dd.mm.yyyy or in words"),
            (ShortYearDate(), "a two-digit year; write dd.mm.yyyy"),
            (MonthWrongCase(), "a month name in prose takes the prepositional («в августе») or genitive («30 августа») case"),
        })
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                Error(findings, "P14", $"«{match.Value}»: {message}.");
            }
        }
    }

    private static void ProductNamed(string text, ProductOffer offer, List<PushFinding> findings)
    {
        if (!ProductStems.TryGetValue(offer.Product, out var own))
        {
            Error(findings, "P20", $"«{offer.Product}» is not one of the bank's ten products.");
            return;
        }
        if (!text.Contains(offer.Product, StringComparison.OrdinalIgnoreCase) && !own.IsMatch(text))
        {
            Error(findings, "P20", $"The recommended product «{offer.Product}» is not named.");
        }
        foreach (var (product, stem) in ProductStems.Where(p => p.Key != offer.Product))
        {
            if (stem.Match(text) is { Success: true } other)
            {
                Error(findings, "P20", $"«{other.Value}» names another product ({product}).");
            }
        }
    }

    private static void OneIdea(string text, List<PushFinding> findings)
    {
        foreach (var (token, what) in new[] { ("\n", "a line break"), ("\r", "a line break"), ("•", "a list bullet"), ("#", "a hashtag"), ("http", "a link"), ("www.", "a link") })
        {
            if (text.Contains(token, StringComparison.OrdinalIgnoreCase))
            {
                Error(findings, "P22", $"One idea per push: {what} is not allowed.");
            }
        }
    }

    private static void StopList(string text, System.Text.RegularExpressions.Regex pattern, string rule, string what, PushSeverity severity, List<PushFinding> findings)
    {
        if (pattern.Match(text) is { Success: true } match)
        {
            findings.Add(new PushFinding(rule, severity, $"{what}: «{match.Value}»."));
        }
    }

    /// <summary>Every amount quoted before ₸, as a number (group separators removed, a decimal comma or dot honoured).</summary>
    internal static List<decimal> Amounts(string text) =>
        Amount().Matches(text)
            .Select(m => decimal.Parse(
                string.Concat(m.Groups[1].Value.Where(char.IsDigit)) + (m.Groups[2].Success ? "." + m.Groups[2].Value : ""),
                CultureInfo.InvariantCulture))
            .ToList();

    private static IEnumerable<int> Integers(string text)
    {
        var plain = PercentFigure().Replace(Amount().Replace(text, " "), " ");
        return CountedInteger().Matches(plain).Select(m => int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var n) ? n : -1);
    }

    private static bool MonthMentioned(string text, int month) =>
        Word().Matches(text).Any(w =>
            w.Value.Equals(RussianFormat.MonthPrepositional(month), StringComparison.OrdinalIgnoreCase)
            || w.Value.Equals(RussianFormat.MonthGenitive(month), StringComparison.OrdinalIgnoreCase));

    /// <summary>Pictographs count once each; joiners, variation selectors and the second flag letter do not.</summary>
    internal static int EmojiCount(string text)
    {
        var count = 0;
        var previous = default(Rune);
        var flagLetters = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            if (v is >= 0x1F1E6 and <= 0x1F1FF)
            {
                if (flagLetters++ % 2 == 0)
                {
                    count++;
                }
            }
            else if (previous.Value != 0x200D && (v is >= 0x1F300 and <= 0x1FAFF || v is >= 0x1F000 and <= 0x1F2FF || v is >= 0x2600 and <= 0x27BF || v is >= 0x2B00 and <= 0x2BFF || v is >= 0x2300 and <= 0x23FF || v is 0x2122 or 0x2139 or 0x3030 or 0x303D))
            {
                count++;
            }
            previous = rune;
        }
        return count;
    }

    private static void Error(List<PushFinding> findings, string rule, string message) => findings.Add(new PushFinding(rule, PushSeverity.Error, message));

    private static void Warning(List<PushFinding> findings, string rule, string message) => findings.Add(new PushFinding(rule, PushSeverity.Warning, message));
}
