using System.Globalization;
using System.Text.Json;
using Clientele.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Clientele.Visitors.Persons;

/// <summary>One camera frame: the face vector, what the camera estimated, when, and optionally the face image.</summary>
public sealed record PersonUpload(
    float[] Vector, int? Age, string? Gender, string? Emotion, string? BodyType, DateTimeOffset? EntryTime, DateTimeOffset? ExitTime, IFormFile? Image)
{
    public const string Required = "This field is required.";
    public const string VectorNotJson = "Vector must be valid JSON.";
    public const string VectorLength = "Vector must contain 128 values.";
    public const string VectorNumbers = "Vector must contain only finite numbers.";
    public const string AgeRange = "Возраст должен быть от 0 до 120.";
    public const string NotInteger = "A valid integer is required.";
    public const string BadDate = "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";
    public const string BadImage = "Upload a valid image. The file you uploaded was either not an image or a corrupted image.";

    /// <summary>The fields of a multipart or form-urlencoded body (vector as a JSON string), or of a JSON object (vector as a string or an array).</summary>
    public static async Task<(PersonUpload? Upload, IReadOnlyList<FieldError> Errors)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        Dictionary<string, string?> values;
        IFormFile? image = null;
        if (request.HasFormContentType)
        {
            var (form, error) = await request.ReadUploadAsync(1, cancellationToken);
            if (form is null)
            {
                return (null, error?.Fields ?? [new FieldError([], error?.Message ?? "There was an error parsing the body")]);
            }
            values = form.ToDictionary(pair => pair.Key, pair => (string?)pair.Value.ToString());
            image = form.Files.GetFile("image");
        }
        else
        {
            var (json, error) = await ReadJsonAsync(request, cancellationToken);
            if (json is null)
            {
                return (null, [new FieldError([], error!)]);
            }
            values = json;
        }
        return Validate(values, image);
    }

    private static async Task<(Dictionary<string, string?>? Values, string? Error)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "Invalid data. Expected a dictionary.");
            }
            return (document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            }), null);
        }
        catch (JsonException)
        {
            return (null, "JSON parse error.");
        }
    }

    private static (PersonUpload?, IReadOnlyList<FieldError>) Validate(Dictionary<string, string?> values, IFormFile? image)
    {
        var errors = new List<FieldError>();
        void Fail(string field, string message) => errors.Add(new FieldError(["body", field], message));

        var vector = ParseVector(values.GetValueOrDefault("vector"), out var vectorError);
        if (vectorError is not null)
        {
            Fail("vector", vectorError);
        }
        int? age = null;
        if (Text(values, "age") is { } ageText)
        {
            if (!int.TryParse(ageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                Fail("age", NotInteger);
            }
            else if (parsed is < 0 or > PersonFields.MaxAge)
            {
                Fail("age", AgeRange);
            }
            else
            {
                age = parsed;
            }
        }
        string? Word(string field)
        {
            var text = Text(values, field);
            if (text?.Length > PersonFields.MaxText)
            {
                Fail(field, $"Ensure this field has no more than {PersonFields.MaxText} characters.");
                return null;
            }
            return text;
        }
        DateTimeOffset? Time(string field)
        {
            var text = Text(values, field);
            if (text is null)
            {
                return null;
            }
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                && time.Year is > 1900 and < 3000)
            {
                return time;
            }
            Fail(field, BadDate);
            return null;
        }
        var gender = Word("gender");
        var emotion = Word("emotion");
        var bodyType = Word("body_type");
        var entry = Time("entry_time");
        var exit = Time("exit_time");
        if (image is not null && (image.Length is 0 or > PersonFields.MaxImageBytes || !LooksLikeImage(image)))
        {
            Fail("image", image.Length > PersonFields.MaxImageBytes ? "Image must be at most 10 MB." : BadImage);
        }
        return errors.Count > 0 ? (null, errors) : (new PersonUpload(vector!, age, gender, emotion, bodyType, entry, exit, image), []);
    }

    private static string? Text(Dictionary<string, string?> values, string field) =>
        values.GetValueOrDefault(field) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    public static float[]? ParseVector(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = Required;
            return null;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            error = VectorNotJson;
            return null;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() != PersonFields.Dimensions)
            {
                error = VectorLength;
                return null;
            }
            var vector = new float[PersonFields.Dimensions];
            var position = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var value) || !float.IsFinite((float)value))
                {
                    error = VectorNumbers;
                    return null;
                }
                vector[position++] = (float)value;
            }
            if (vector.All(value => value == 0))
            {
                error = "Vector must not be all zeros.";
                return null;
            }
            return vector;
        }
    }

    /// <summary>JPEG, PNG, GIF or WebP by their first bytes: the name and content type are the client's word only.</summary>
    private static bool LooksLikeImage(IFormFile image)
    {
        Span<byte> head = stackalloc byte[12];
        using var stream = image.OpenReadStream();
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        return head.StartsWith((byte[])[0xFF, 0xD8, 0xFF])
            || head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47])
            || head.StartsWith("GIF8"u8)
            || (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8));
    }

    public string ImageExtension()
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = Image!.OpenReadStream();
        stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[0] == 0xFF ? ".jpg" : head[0] == 0x89 ? ".png" : head[0] == (byte)'G' ? ".gif" : ".webp";
    }
}
