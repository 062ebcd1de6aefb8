using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clientele.Platform.Json;

/// <summary>Writes a decimal as Python writes a float (<c>92643.0</c>, <c>2626914.27</c>), so numbers read exactly as the seeds print them.</summary>
public sealed class FloatLikeDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? decimal.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        var text = value.ToString("0.0###########", CultureInfo.InvariantCulture);
        writer.WriteRawValue(text, skipInputValidation: true);
    }
}
