using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Clientele.Retail.Rules;

/// <summary>
/// <c>antecedents,consequents,support,confidence,lift,leverage,conviction</c>, each itemset a JSON array of product names
/// (the SKU where a product was deleted since), as <c>retail mine --out</c> writes them; infinite conviction is <c>inf</c>, as pandas writes it.
/// </summary>
public static class RuleCsv
{
    public const string ContentType = "text/csv; charset=utf-8";
    private static readonly JsonSerializerOptions Labelled = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string Header = "antecedents,consequents,support,confidence,lift,leverage,conviction";

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<MinedRule> rules, IReadOnlyDictionary<int, string> names, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteLineAsync(Header);
        await foreach (var rule in rules.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(",",
                Quote(Labels(rule.Antecedents, names)), Quote(Labels(rule.Consequents, names)),
                Number(rule.Support), Number(rule.Confidence), Number(rule.Lift), Number(rule.Leverage),
                rule.Conviction is { } conviction ? Number(conviction) : "inf"));
        }
    }

    private static string Labels(string skus, IReadOnlyDictionary<int, string> names) =>
        JsonSerializer.Serialize(RuleRows.Split(skus).Select(sku => names.TryGetValue(sku, out var name) ? name : sku.ToString(CultureInfo.InvariantCulture)), Labelled);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
