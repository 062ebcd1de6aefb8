using System.Text.Json;
using Clientele.Platform.Data;
using Clientele.Platform.Errors;
using Clientele.Platform.Identity;
using Clientele.Platform.RateLimits;
using Clientele.Visitors.Persons;
using Clientele.Visitors.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Clientele.Visitors.Auth;

/// <summary>The seed's e-mail login: a platform user signs in and gets the platform's session cookie, as JSON or as a form (the seed's Python example).</summary>
public static class LoginEndpoints
{
    public const string Policy = "login";
    public const string Success = "Успешный вход в систему";
    public const string BadCredentials = "Неверный email или пароль.";

    public sealed record LoginUser(Guid Id, string Email, string FirstName, string LastName, bool IsVerified);

    public sealed record LoginView(string Message, LoginUser User);

    public static void Map(RouteGroupBuilder visitors)
    {
        visitors.MapPost("/api/auth/login/", LoginAsync).AllowAnonymous().DisableAntiforgery().WithRateLimitPolicy(Policy)
            .WithTags("Auth").WithName("VisitorsLogin").WithSummary("Starts a session (cookie) for the dashboard and the API.");
    }

    public static async Task<IResult> LoginAsync(HttpContext context, PlatformDbContext db, PasswordSignIn signIn)
    {
        var (email, password) = await CredentialsAsync(context.Request, context.RequestAborted);
        var errors = new List<Clientele.Platform.Errors.FieldError>();
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254)
        {
            errors.Add(new(["body", "email"], string.IsNullOrWhiteSpace(email) ? PersonUpload.Required : "Enter a valid email address."));
        }
        if (string.IsNullOrEmpty(password) || password.Length > 1000)
        {
            errors.Add(new(["body", "password"], PersonUpload.Required));
        }
        if (errors.Count > 0)
        {
            return VisitorsResults.Invalid(errors);
        }
        var user = await signIn.FindAsync(db, email!, password!, context.RequestAborted);
        if (user is null)
        {
            return VisitorsResults.Invalid("non_field_errors", BadCredentials);
        }
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionPrincipal.For(user, user.OrganizationId));
        return TypedResults.Ok(new LoginView(Success, new LoginUser(user.Id, user.Email, "", "", IsVerified: true)));
    }

    private static async Task<(string? Email, string? Password)> CredentialsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var (form, _) = await request.ReadUploadAsync(0, cancellationToken);
            return (form?["email"].ToString(), form?["password"].ToString());
        }
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            string? Field(string name) => document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return (Field("email"), Field("password"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
