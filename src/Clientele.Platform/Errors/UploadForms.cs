using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clientele.Platform.Errors;

/// <summary>
/// Multipart uploads bigger than ASP.NET Core's defaults (30 MB body on Kestrel, 128 MiB form, 1024 parts): the endpoint's
/// own limits, and a form over them answered in the module's error shape instead of a 500.
/// </summary>
public static class UploadForms
{
    public static TBuilder WithUploadLimits<TBuilder>(this TBuilder builder, long maxBytes, int maxFiles) where TBuilder : IEndpointConventionBuilder =>
        builder.WithBodySizeLimit(maxBytes).WithFormOptions(multipartBodyLengthLimit: maxBytes, valueCountLimit: maxFiles);

    /// <summary>The form, or the error saying what is wrong with it (too many parts, too big, not multipart that parses).</summary>
    public static async Task<(IFormCollection? Form, ApiError? Error)> ReadUploadAsync(this HttpRequest request, int maxFiles, CancellationToken cancellationToken)
    {
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        // ASP.NET Core's FormFeature and MultipartReader say which limit failed only in the message.
        catch (InvalidDataException e) when (e.Message.Contains("value count limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiError.Invalid(new FieldError(["body", "files"], $"At most {maxFiles} files in one upload.", "too_long")));
        }
        catch (InvalidDataException e) when (e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new ApiError(ErrorKind.PayloadTooLarge));
        }
        catch (InvalidDataException)
        {
            return (null, ApiError.BadRequest("There was an error parsing the body"));
        }
    }
}
