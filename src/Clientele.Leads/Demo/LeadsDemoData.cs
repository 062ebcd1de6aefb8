using Clientele.Leads.Ads;
using Clientele.Leads.Campaigns;
using Clientele.Leads.Data;
using Clientele.Leads.Leads;
using Clientele.Leads.Niches;
using Clientele.Leads.Qualification;
using Clientele.Leads.Shared;
using Clientele.Leads.Spend;
using Clientele.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Leads.Demo;

/// <summary>
/// A small agency testing four niches in Almaty, Astana, Shymkent and Tashkent: campaigns on OLX, Kaspi, Telegram and WhatsApp
/// with ads and tenge spend, about 90 leads with Kazakh and Uzbek names whose conversations were played through the bot (so
/// scores, statuses and explanations are the bot's), and some closed by a manager. The same data on every run.
/// </summary>
public sealed class LeadsDemoData : IDemoData
{
    private const int Seed = 20251118;
    public const int LeadCount = 90;

    public string Module => LeadsModule.Name;

    private static readonly (string Name, string Category, string Description, decimal Cpl, decimal Roi, string Status)[] NicheRows =
    [
        ("Ремонт ноутбуков", "electronics_repair", "Быстрый ремонт ноутбуков всех марок, Алматы", 500m, 300m, "active"),
        ("Салон красоты «Айару»", "beauty", "Маникюр, окрашивание, брови — Астана", 400m, 250m, "active"),
        ("Кухни на заказ", "furniture", "Кухни и шкафы-купе по размерам, Шымкент", 1500m, 400m, "research"),
        ("Курсы английского", "education", "Онлайн и офлайн группы, Ташкент и Алматы", 800m, 200m, "paused"),
    ];

    private static readonly string[] FirstNames =
    [
        "Айгерим", "Нурлан", "Ерлан", "Динара", "Асель", "Бауыржан", "Жанар", "Мадина", "Данияр", "Айдос", "Сауле", "Гульнара",
        "Азиз", "Дилноза", "Шахзод", "Нилуфар", "Бекзод", "Гулнора", "Жасур", "Малика", "Тимур", "Камила", "Арман", "Акмарал",
    ];

    private static readonly string[] LastNames =
    [
        "Ахметова", "Сейткали", "Жумабеков", "Касымова", "Нурпеисова", "Оспанов", "Абдуллаев", "Каримова", "Юсупов", "Рахимова",
        "Тулегенов", "Садыкова", "Мирзаев", "Исмаилова", "Бекмуратов", "Ержанова",
    ];

    /// <summary>What leads write, per niche category: a few openings, then answers the bot's questions tend to get.</summary>
    private static readonly Dictionary<string, string[][]> Scripts = new()
    {
        ["electronics_repair"] =
        [
            ["Здравствуйте, ноутбук не включается после того как залили чаем", "Срочно, завтра экзамен", "До 20 тысяч нормально", "Сам решаю"],
            ["Сколько стоит замена экрана на MacBook Air?", "на этой неделе", "15к устроит", "да"],
            ["Сәлеметсіз бе, ноутбук қызып кетеді", "ертең керек", "20 мыңға дейін", "өзім шешемін"],
            ["Просто интересуюсь ценами", "не срочно, подумаю"],
            ["Заработок от 100$ в день, пишите t.me/easy_money"],
        ],
        ["beauty"] =
        [
            ["Хочу записаться на маникюр", "сегодня вечером можно?", "цена не важна", "для себя"],
            ["Сәлем, шашты бояу қанша тұрады?", "осы аптада", "бағасы қолайлы", "иә"],
            ["Интересует окрашивание", "летом, наверное", "дорого"],
            ["Здравствуйте, нужна коррекция бровей", "в субботу", "до 8 тысяч", "сама решаю"],
        ],
        ["furniture"] =
        [
            ["Нужна кухня на заказ, 3 метра", "в течение месяца", "бюджет около 900 тысяч", "посоветуюсь с мужем"],
            ["Шкаф-купе сколько стоит?", "не срочно", "подумаю"],
            ["Ас үй жиһазы керек", "келесі айда", "1 млн-ға дейін", "өзім шешемін"],
        ],
        ["education"] =
        [
            ["Хочу записать сына на английский", "с сентября", "до 40 тысяч в месяц", "да"],
            ["Ағылшын курсы бар ма?", "ертең бастағым келеді", "30 мың", "иә"],
            ["Предлагаем базы клиентов и рассылки, недорого"],
        ],
    };

    public async Task<bool> IsEmptyAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        !await services.GetRequiredService<LeadsDbContext>().Niches.AnyAsync(cancellationToken);

    public async Task FillAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<LeadsDbContext>();
        var bot = services.GetRequiredService<QualificationBot>();
        var now = Instants.Now(services.GetRequiredService<TimeProvider>());
        var random = new Random(Seed);
        var niches = NicheRows.Select((row, index) => new Niche
        {
            Name = row.Name, Category = row.Category, Description = row.Description, CplTarget = row.Cpl, RoiTarget = row.Roi, Status = row.Status,
            CreatedAt = now.AddDays(-60 + index),
        }).ToList();
        db.Niches.AddRange(niches);
        var campaigns = new List<Campaign>();
        var ads = new List<Ad>();
        var cities = new[] { "Алматы", "Астана", "Шымкент", "Ташкент" };
        foreach (var (niche, index) in niches.Select((n, i) => (n, i)))
        {
            foreach (var platform in Platforms.All.Where((_, p) => (p + index) % 4 != 3))
            {
                var status = niche.Status == "active" ? (platform == "kaspi" ? CampaignStatuses.Paused : CampaignStatuses.Active)
                    : niche.Status == "paused" ? CampaignStatuses.Completed : CampaignStatuses.Draft;
                var campaign = new Campaign
                {
                    NicheId = niche.Id, Name = $"{platform.ToUpperInvariant()} {cities[index]} — {niche.Name}", Platform = platform, Status = status,
                    Budget = 50_000m * (1 + random.Next(4)), StartDate = DateOnly.FromDateTime(now.AddDays(-50).UtcDateTime),
                    EndDate = DateOnly.FromDateTime(now.AddDays(10).UtcDateTime), CreatedAt = niche.CreatedAt.AddDays(2),
                };
                campaigns.Add(campaign);
                for (var a = 0; a < 1 + random.Next(3); a++)
                {
                    ads.Add(new Ad
                    {
                        CampaignId = campaign.Id, Title = $"{niche.Name} — объявление {a + 1}", Status = status == CampaignStatuses.Draft ? AdStatuses.Draft : "active",
                        Url = platform == "olx" ? $"https://www.olx.kz/d/obyavlenie/{campaign.Id.ToString()[..8]}-{a + 1}" : null,
                        Price = 5_000m * (1 + random.Next(10)), CreatedAt = campaign.CreatedAt.AddDays(1),
                    });
                }
            }
        }
        db.Campaigns.AddRange(campaigns);
        db.Ads.AddRange(ads);
        foreach (var campaign in campaigns.Where(c => c.Status != CampaignStatuses.Draft))
        {
            for (var day = 0; day < 6; day++)
            {
                db.Spend.Add(new SpendRecord
                {
                    CampaignId = campaign.Id, Amount = 1_000m * (2 + random.Next(6)), Date = DateOnly.FromDateTime(now.AddDays(-45 + day * 7).UtcDateTime),
                    Note = campaign.Platform == "olx" ? "Продвижение на OLX" : campaign.Platform == "kaspi" ? "Реклама Kaspi" : "Рекламный пост", CreatedAt = now,
                }).Entity.AdId = ads.FirstOrDefault(a => a.CampaignId == campaign.Id)?.Id;
            }
        }
        var live = campaigns.Where(c => c.Status != CampaignStatuses.Draft).ToList();
        for (var i = 0; i < LeadCount; i++)
        {
            var campaign = live[random.Next(live.Count)];
            var niche = niches.First(n => n.Id == campaign.NicheId);
            var ad = ads.Where(a => a.CampaignId == campaign.Id).ToList() is { Count: > 0 } own ? own[random.Next(own.Count)] : null;
            var created = now.AddDays(-40 + 40.0 * i / LeadCount).AddMinutes(random.Next(600));
            var phone = $"+7 7{new[] { "01", "02", "05", "07", "47", "71", "75", "77", "78" }[random.Next(9)]} {random.Next(100, 999)} {random.Next(1000, 9999)}";
            var normalized = Phones.PhoneNormalizer.Normalize(phone).Phone!;
            var lead = new Lead
            {
                AdId = ad?.Id, CampaignId = campaign.Id, NicheId = niche.Id, Name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                Phone = normalized.Display, PhoneE164 = normalized.E164, Source = campaign.Platform, PlatformUserId = campaign.Platform == "telegram" ? $"{random.Next(100_000_000, 999_999_999)}" : null,
                CreatedAt = created, UpdatedAt = created,
            };
            db.Leads.Add(lead);
            var script = Scripts[niche.Category][random.Next(Scripts[niche.Category].Length)];
            var said = script.Take(1 + random.Next(script.Length)).ToList();
            var state = ConversationState.Start(niche.Category, new LeadProfile(lead.Name, lead.PhoneE164, null, lead.Source), niche.Name);
            var at = created;
            Assessment? assessment = null;
            foreach (var text in said)
            {
                at = at.AddMinutes(1 + random.Next(20));
                var turn = bot.Reply(state, new ConversationMessage(Senders.Lead, text));
                state = turn.Conversation;
                assessment = turn.Assessment;
                db.Messages.Add(new LeadMessage { LeadId = lead.Id, Message = text, Sender = Senders.Lead, Platform = Platform(lead.Source), CreatedAt = at });
                if (turn.Reply is { } reply)
                {
                    db.Messages.Add(new LeadMessage { LeadId = lead.Id, Message = reply.Text, Sender = Senders.Bot, Platform = Platform(lead.Source), Step = reply.Step, CreatedAt = at.AddSeconds(2) });
                }
            }
            if (assessment is not null)
            {
                lead.QualityScore = assessment.QualityScore;
                lead.Qualification = LeadConversation.Explain(assessment);
                lead.Status = assessment.Status.WireName();
                db.StatusChanges.Add(new StatusChange
                {
                    LeadId = lead.Id, FromStatus = LeadStatuses.New, ToStatus = lead.Status, ChangedBy = StatusActor.Bot.ChangedBy, Via = StatusActor.Bot.Via, ChangedAt = at,
                });
            }
            // A manager took some over and closed them.
            if (lead.Status is LeadStatuses.Hot or LeadStatuses.Qualified && random.Next(3) == 0)
            {
                db.Messages.Add(new LeadMessage { LeadId = lead.Id, Message = "Здравствуйте! Менеджер Айжан, записала вас, перезвоню через 10 минут.", Sender = Senders.Human, Platform = Platform(lead.Source), CreatedAt = at.AddMinutes(15) });
                var closed = random.Next(3) == 0 ? LeadStatuses.Lost : LeadStatuses.Won;
                db.StatusChanges.Add(new StatusChange
                {
                    LeadId = lead.Id, FromStatus = lead.Status, ToStatus = closed, ChangedBy = "human", Via = "board", Actor = "Айжан", ChangedAt = at.AddMinutes(16),
                });
                lead.Status = closed;
                lead.StatusSetByHuman = true;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Platform(string source) => LeadSources.MessagePlatforms.Contains(source) ? source : "whatsapp";
}
