namespace Clientele.Banking.Offers.Push;

/// <summary>
/// Writes the Russian push for a chosen product: «{Имя}, {личный контекст с реальной цифрой}. {выгода с названием продукта}.
/// [{деталь}.] {CTA}.» Deterministic: the candidates come in a fixed order and the first whose length is on target wins.
/// </summary>
public sealed class PushComposer(PushSettings settings)
{
    public PushSettings Settings => settings;

    public string Compose(ClientFeatures client, ProductOffer offer)
    {
        var template = PushTemplates.For(new PushContext(client, offer, settings));
        var candidates = Candidates(template).ToList();
        return candidates.FirstOrDefault(c => c.Length >= settings.TargetMinLength && c.Length <= settings.TargetMaxLength)
            ?? candidates
                .OrderBy(c => c.Length >= settings.AllowedMinLength && c.Length <= settings.AllowedMaxLength ? 0 : 1)
                .ThenBy(c => Math.Abs(c.Length - (settings.TargetMinLength + settings.TargetMaxLength) / 2))
                .First();
    }

    private static IEnumerable<string> Candidates(PushTemplate template)
    {
        var details = template.Details.Append(null).ToList();
        foreach (var opening in template.Openings)
        {
            foreach (var benefit in template.Benefits)
            {
                foreach (var detail in details)
                {
                    yield return string.Join(' ', new[] { opening, benefit, detail, template.CallToAction }.OfType<string>());
                }
            }
        }
    }
}
