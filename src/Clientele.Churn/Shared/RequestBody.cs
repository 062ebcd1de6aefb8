using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clientele.Platform;
using Microsoft.AspNetCore.Http;

namespace Clientele.Churn.Shared;

/// <summary>
/// Django REST Framework reads JSON, form-urlencoded and multipart bodies alike, so a client that posts <c>data={…}</c> works as
/// well as one that posts <c>json={…}</c>. A form becomes the JSON object it stands for (booleans from their usual spellings), and
/// from there both take the same path, errors included.
/// </summary>
public static class RequestBody
{
    public static async Task<T> ReadAsync<T>(HttpContext context) where T : class
    {
        var request = context.Request;
        var options = context.RequestServices.GetJsonOptions();
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(context.RequestAborted);
                var json = new JsonObject();
                foreach (var (key, value) in form)
                {
                    json[key] = IsBoolean<T>(key, options) && Boolean(value.ToString()) is { } flag ? JsonValue.Create(flag) : JsonValue.Create(value.ToString());
                }
                return json.Deserialize<T>(options) ?? throw new JsonException("A request body is required.");
            }
            if (request.ContentType is { Length: > 0 } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                throw new BadHttpRequestException($"Unsupported media type \"{type}\" in request.", StatusCodes.Status415UnsupportedMediaType);
            }
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options, context.RequestAborted)
                ?? throw new JsonException("A request body is required.");
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException)
        {
            throw new BadHttpRequestException("The request body could not be read.", StatusCodes.Status400BadRequest, exception);
        }
    }

    private static bool IsBoolean<T>(string key, JsonSerializerOptions options) =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p =>
            (p.PropertyType == typeof(bool) || p.PropertyType == typeof(bool?))
            && string.Equals(options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name, key, StringComparison.Ordinal));

    private static bool? Boolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => null,
    };
}
