using Clientele.Leads.Phones;

namespace Clientele.Leads.Qualification;

/// <summary>Contact quality from phones: a valid Kazakh number is confirmed, a Russian one strong, a foreign one a spam signal, digits that are no number weak.</summary>
public static class ContactExtractor
{
    public static Signal Rate(NormalizedPhone phone, string where) => phone switch
    {
        { IsKazakh: true } => new Signal(QualificationFactor.Contact, Evidence.Confirmed, $"valid Kazakh {(phone.IsMobile ? "mobile" : "number")} {phone.Display} ({where})"),
        { IsRussian: true } => new Signal(QualificationFactor.Contact, Evidence.Strong, $"valid Russian number {phone.Display} ({where})"),
        _ => new Signal(QualificationFactor.Contact, Evidence.Weak, $"foreign number {phone.Display} ({where})"),
    };

    public static Signal? Read(IReadOnlyList<FoundPhone> phones, NormalizedText text, QualificationFactor? asked)
    {
        var valid = phones.FirstOrDefault(phone => phone.Result.IsValid);
        if (valid is not null)
            return Rate(valid.Result.Phone!, "in the chat");
        if (phones.Count > 0)
            return new Signal(QualificationFactor.Contact, Evidence.Weak, $"gave a number that is not valid ({phones[0].Written})");
        if (asked == QualificationFactor.Contact && text.Folded.Count(char.IsDigit) is >= 5 and < 10)
            return new Signal(QualificationFactor.Contact, Evidence.Weak, "gave an incomplete number");
        return null;
    }
}
