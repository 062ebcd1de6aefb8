using Clientele.Platform.Data;

namespace Clientele.Visitors.Persons;

/// <summary>Face images live in the data folder (<c>visitors/people/&lt;organization&gt;/</c>), never in the database; one per person, the latest.</summary>
public sealed class Images(DataFolder data)
{
    public async Task<string> SaveAsync(Guid organizationId, Guid personId, PersonUpload upload, CancellationToken cancellationToken)
    {
        var name = personId + upload.ImageExtension();
        var folder = Folder(organizationId);
        Directory.CreateDirectory(folder);
        Delete(organizationId, personId);
        await using var file = File.Create(Path.Combine(folder, name));
        await upload.Image!.CopyToAsync(file, cancellationToken);
        return "people/" + name;
    }

    public void Delete(Guid organizationId, Guid personId)
    {
        var folder = Folder(organizationId);
        if (!Directory.Exists(folder))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(folder, personId + ".*"))
        {
            File.Delete(file);
        }
    }

    private string Folder(Guid organizationId) => data.Combine(Path.Combine("visitors", "people", organizationId.ToString()));
}
