using System.Security.Cryptography;
using Clientele.Platform.Modules;
using Clientele.Visitors.Auth;
using Clientele.Visitors.Data;
using Clientele.Visitors.Devices;
using Clientele.Visitors.Gallery;
using Clientele.Visitors.Persons;
using Clientele.Visitors.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Visitors.Settings;

/// <summary>
/// Extensions: the organization's camera key, biometric mode and retention, and camera devices. The private key is a secret, so
/// reading the settings needs write access, as changing them does.
/// </summary>
public static class SettingsEndpoints
{
    public const int MaxRetentionDays = 3 * 365;

    public sealed record SettingsView(string PrivateKey, string BiometricMode, int RetentionDays, MatchProfileSettings.View MatchProfile);

    public sealed record SettingsChange(string? BiometricMode = null, int? RetentionDays = null, MatchProfileSettings.Change? MatchProfile = null);

    public sealed record DeviceInput(string? Name = null);

    public sealed record DeviceView(Guid Id, string Name, string DeviceKey);

    private static readonly Dictionary<string, BiometricMode> Modes = new()
    {
        ["identify"] = BiometricMode.Identify, ["session_only"] = BiometricMode.SessionOnly, ["off"] = BiometricMode.Off,
    };

    public static void Map(RouteGroupBuilder visitors)
    {
        var settings = visitors.MapGroup("/api/client").WithTags("Settings").RequireWriteAccess(VisitorsModule.Name);
        settings.MapGet("/settings/", GetAsync).WithName("VisitorsSettings");
        settings.MapPut("/settings/", UpdateAsync).WithName("VisitorsUpdateSettings");
        settings.MapPost("/devices/", CreateDeviceAsync).WithName("VisitorsCreateDevice")
            .WithSummary("Registers a camera; its key (sent as X-Device-Key) is shown once.");
    }

    public static async Task<IResult> GetAsync(VisitorsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await Galleries.SettingsAsync(db, cancellationToken)));

    public static async Task<IResult> UpdateAsync(SettingsChange change, VisitorsDbContext db, Galleries galleries, Images images,
        CancellationToken cancellationToken)
    {
        var settings = await Galleries.SettingsAsync(db, cancellationToken);
        var errors = new List<Clientele.Platform.Errors.FieldError>();
        if (change.BiometricMode is { } mode && !Modes.ContainsKey(mode))
        {
            errors.Add(new(["body", "biometric_mode"], $"\"{(mode.Length > 20 ? mode[..20] : mode)}\" is not a valid choice."));
        }
        if (change.RetentionDays is < 1 or > MaxRetentionDays)
        {
            errors.Add(new(["body", "retention_days"], $"Ensure this value is between 1 and {MaxRetentionDays}."));
        }
        if (change.MatchProfile is { } profile)
        {
            errors.AddRange(MatchProfileSettings.Check(settings, profile));
        }
        if (errors.Count > 0)
        {
            return VisitorsResults.Invalid(errors);
        }
        var previousMode = settings.BiometricMode;
        settings.BiometricMode = change.BiometricMode is { } chosen ? Modes[chosen] : settings.BiometricMode;
        settings.RetentionDays = change.RetentionDays ?? settings.RetentionDays;
        if (change.MatchProfile is { } accepted && MatchProfileSettings.Apply(settings, accepted))
        {
            // Every instance rebuilds the gallery (and its index, for a new metric) under the new profile.
            settings.GalleryVersion++;
        }
        List<Guid> withImages = [];
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (settings.BiometricMode != previousMode)
            {
                settings.GalleryVersion++;
                if (previousMode == BiometricMode.Identify)
                {
                    // Leaving identify mode keeps no faces: the stored vectors and images go, persons and visits stay as counts.
                    withImages = await db.Persons.Where(p => p.Image != null).Select(p => p.Id).ToListAsync(cancellationToken);
                    await db.Exemplars.ExecuteDeleteAsync(cancellationToken);
                    await db.Persons.Where(p => p.Image != null).ExecuteUpdateAsync(set => set.SetProperty(p => p.Image, (string?)null), cancellationToken);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var personId in withImages)
        {
            images.Delete(settings.OrganizationId, personId);
        }
        galleries.Invalidate(settings.OrganizationId);
        return TypedResults.Ok(View(settings));
    }

    public static async Task<IResult> CreateDeviceAsync(DeviceInput input, VisitorsDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > PersonFields.MaxText)
        {
            return VisitorsResults.Invalid("name", string.IsNullOrWhiteSpace(input.Name) ? PersonUpload.Required : $"Ensure this field has no more than {PersonFields.MaxText} characters.");
        }
        var key = "cam_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var device = new Device { Id = Guid.NewGuid(), Name = input.Name.Trim(), KeyHash = DeviceAuthentication.Hash(key), CreatedAt = DateTimeOffset.UtcNow };
        db.Devices.Add(device);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created((string?)null, new DeviceView(device.Id, device.Name, key));
    }

    private static SettingsView View(VisitorSettings settings) =>
        new(settings.PrivateKey, Modes.First(pair => pair.Value == settings.BiometricMode).Key, settings.RetentionDays, MatchProfileSettings.Of(settings));
}
