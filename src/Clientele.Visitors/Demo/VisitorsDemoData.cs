using Clientele.Platform;
using Clientele.Visitors.Carts;
using Clientele.Visitors.Data;
using Clientele.Visitors.Gallery;
using Clientele.Visitors.Persons;
using Clientele.Visitors.Recognition;
using Clientele.Visitors.Settings;
using Clientele.Visitors.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Visitors.Demo;

/// <summary>
/// A restaurant in Almaty: 40 synthetic faces (dlib-like vectors, spec §2.3; nobody's biometrics) with visits over the last four
/// weeks at lunch and dinner, a menu in tenge and the orders of the regulars. The camera key is <see cref="CameraKey"/>. Rows are
/// inserted directly, as the engine would have stored them; the same data on every run.
/// </summary>
public sealed class VisitorsDemoData : IDemoData
{
    public const string CameraKey = "AlmatyDastarkhanDemoKey01";
    public const int PersonCount = 40;
    private const int Seed = 20261206;

    private static readonly string[] Names =
    [
        "Айгерим Нурланова", "Данияр Сериков", "Жанар Касымова", "Ержан Омаров", "Асель Искакова", "Тимур Байжанов", "Мадина Абенова",
        "Арман Тулегенов", "Дильноза Каримова", "Шерзод Рахимов",
    ];

    private static readonly string[] Menu = ["Бешбармак", "Плов", "Манты", "Лагман", "Баурсаки", "Куырдак", "Шашлык", "Чай с молоком", "Кумыс", "Самса"];
    private static readonly string[] Emotions = ["Happy", "Neutral", "Neutral", "Surprised", "Sad"];
    private static readonly string[] BodyTypes = ["Normal", "Normal", "Athletic", "Slim", "Heavy"];

    public string Module => VisitorsModule.Name;

    public async Task<bool> IsEmptyAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        !await services.GetRequiredService<VisitorsDbContext>().Persons.AnyAsync(cancellationToken);

    public async Task FillAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<VisitorsDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var random = new Random(Seed);
        var settings = await db.Settings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            db.Settings.Add(new VisitorSettings { Id = Guid.NewGuid(), PrivateKey = CameraKey });
        }
        var products = Menu.Select(name => new Product { Id = Guid.NewGuid(), Name = name, CreatedAt = now.AddDays(-60), UpdatedAt = now.AddDays(-60) }).ToList();
        db.Products.AddRange(products);
        var mean = Normalised(Gaussian(random, 1f), 1.32f);
        for (var number = 0; number < PersonCount; number++)
        {
            var identity = mean.Zip(Gaussian(random, 0.053f), (center, noise) => center + noise).ToArray();
            var visitCount = number < 10 ? random.Next(3, 7) : random.Next(1, 3);
            var age = random.Next(16, 68);
            var gender = random.Next(2) == 0 ? "Female" : "Male";
            var bodyType = BodyTypes[random.Next(BodyTypes.Length)];
            var starts = Enumerable.Range(0, visitCount).Select(_ => VisitStart(random, now)).Order().ToList();
            var person = new Person
            {
                Id = Guid.CreateVersion7(starts[0]), FullName = number < Names.Length ? Names[number] : null,
                PhoneNumber = number < Names.Length ? $"+7701{random.Next(1000000, 9999999)}" : null, Consent = number < Names.Length,
                ConsentAt = number < Names.Length ? starts[0] : null, Age = age, Gender = gender, BodyType = bodyType,
                Emotion = Emotions[random.Next(Emotions.Length)], Status = visitCount > 1 ? PersonStatus.Confirmed : PersonStatus.Provisional,
                ConfidentVisits = visitCount, FirstSeen = starts[0], CreatedAt = starts[0],
            };
            for (var visitNumber = 0; visitNumber < visitCount; visitNumber++)
            {
                var entry = starts[visitNumber];
                var exit = entry.AddMinutes(random.Next(15, 95));
                var visit = new Visit
                {
                    Id = Guid.CreateVersion7(entry), PersonId = person.Id, EntryTime = entry, ExitTime = exit, Frames = random.Next(4, 30),
                    Returning = visitNumber > 0, Age = age, Gender = gender, BodyType = bodyType, Emotion = Emotions[random.Next(Emotions.Length)],
                };
                db.Visits.Add(visit);
                if (visitNumber < 3)
                {
                    var frame = identity.Zip(Gaussian(random, 0.02f), (center, noise) => center + noise).ToArray();
                    db.Exemplars.Add(new Exemplar { Id = Guid.CreateVersion7(entry), PersonId = person.Id, VisitId = visit.Id, Vector = VectorBytes.From(frame), AddedAt = entry });
                }
                if (random.NextDouble() < 0.6)
                {
                    var cart = new Cart { Id = Guid.CreateVersion7(entry), PersonId = person.Id, VisitId = visit.Id, CreatedAt = entry.AddMinutes(5), UpdatedAt = entry.AddMinutes(20) };
                    db.Carts.Add(cart);
                    foreach (var product in products.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
                    {
                        db.CartProducts.Add(new CartProduct { Id = Guid.NewGuid(), CartId = cart.Id, ProductId = product.Id, CreatedAt = cart.CreatedAt, UpdatedAt = cart.CreatedAt });
                    }
                }
                (person.EntryTime, person.ExitTime, person.LastSeen, person.UpdatedAt) = (entry, exit, exit, exit);
            }
            db.Persons.Add(person);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Lunch (12–15) or dinner (18–22) in Almaty (UTC+5) on one of the last 28 days, never in the future.</summary>
    private static DateTimeOffset VisitStart(Random random, DateTimeOffset now)
    {
        var day = now.UtcDateTime.Date.AddDays(-random.Next(0, 28));
        var localHour = random.Next(2) == 0 ? random.Next(12, 15) : random.Next(18, 22);
        var start = new DateTimeOffset(day.AddHours(localHour - 5).AddMinutes(random.Next(60)), TimeSpan.Zero);
        return start > now ? start.AddDays(-1) : start;
    }

    private static float[] Gaussian(Random random, float sigma) =>
        [.. Enumerable.Range(0, PersonFields.Dimensions).Select(_ => (float)(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];

    private static float[] Normalised(float[] vector, float norm)
    {
        var length = MathF.Sqrt(vector.Sum(value => value * value));
        return [.. vector.Select(value => value * norm / length)];
    }
}
