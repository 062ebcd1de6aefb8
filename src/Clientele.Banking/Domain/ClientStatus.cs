namespace Clientele.Banking.Domain;

/// <summary>The four official statuses, and the slang the per-client files use for them.</summary>
public static class ClientStatus
{
    public const string Student = "Студент";
    public const string Salary = "Зарплатный клиент";
    public const string Premium = "Премиальный клиент";
    public const string Standard = "Стандартный клиент";

    public static readonly IReadOnlyList<string> Official = [Student, Salary, Premium, Standard];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        [Student] = Student,
        [Salary] = Salary,
        [Premium] = Premium,
        [Standard] = Standard,
        ["студент"] = Student,
        ["зп"] = Salary,
        ["зарплатный"] = Salary,
        ["вип"] = Premium,
        ["vip"] = Premium,
        ["премиальный"] = Premium,
        ["премиум"] = Premium,
        ["обычный"] = Standard,
        ["стандартный"] = Standard,
    };

    /// <summary>The official status for an official name or a known slang word; null when unknown.</summary>
    public static string? Normalize(string? value) =>
        value is null ? null : Aliases.GetValueOrDefault(string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
}
