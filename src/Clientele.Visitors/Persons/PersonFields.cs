namespace Clientele.Visitors.Persons;

/// <summary>Limits of a person's fields, shared by validation and the database columns.</summary>
public static class PersonFields
{
    public const int Dimensions = 128;
    public const int MaxText = 100;
    public const int MaxAge = 120;
    public const long MaxImageBytes = 10 * 1024 * 1024;
}
