using System.Collections.Concurrent;

namespace Clientele.Leads.Qualification;

/// <summary>Built-in scripts for the niches the seed's users test (electronics repair, home repair, beauty, furniture, courses, auto parts, real estate) and a general one.</summary>
public static class NicheScripts
{
    private static ScriptStep Timeline(string russian, string kazakh) => new("timeline", QualificationFactor.Timeline, russian, kazakh);

    private static readonly ScriptStep CommonTimeline = Timeline("Когда вам это нужно, насколько срочно?", "Бұл сізге қашан керек, қаншалықты шұғыл?");
    private static readonly ScriptStep Budget = new("budget", QualificationFactor.Budget, "На какой бюджет рассчитываете?", "Қандай бюджетке есептеп отырсыз?");
    private static readonly ScriptStep Authority = new("authority", QualificationFactor.Authority,
        "Решение принимаете вы сами или нужно с кем-то посоветоваться?", "Шешімді өзіңіз қабылдайсыз ба, әлде біреумен ақылдасу керек пе?");
    private static readonly ScriptStep Contact = new("contact", QualificationFactor.Contact,
        "Оставьте, пожалуйста, номер телефона — менеджер перезвонит и всё уточнит.", "Менеджер хабарласуы үшін телефон нөміріңізді қалдырыңызшы.");

    private static QualificationScript Script(string niche, string[] aliases, string needRussian, string needKazakh, ScriptStep timeline, params string[] keywords) =>
        new(niche, aliases, [new ScriptStep("need", QualificationFactor.Need, needRussian, needKazakh), timeline, Budget, Authority, Contact], keywords);

    public static readonly QualificationScript ElectronicsRepair = Script("electronics_repair", ["electronics", "phone_repair", "laptop_repair", "computer_repair"],
        "Расскажите, что случилось с устройством и какая у него модель?", "Құрылғыңызға не болды, моделі қандай?",
        Timeline("Когда вам удобно привезти устройство, насколько это срочно?", "Құрылғыны қашан әкелуге ыңғайлы, бұл қаншалықты шұғыл?"),
        "ноутбук", "макбук", "macbook", "телефон", "смартфон", "айфон", "iphone", "самсунг", "samsung", "xiaomi", "сяоми", "редми", "экран",
        "дисплей", "клавиатур", "батаре", "аккумулятор", "зарядк", "разъем", "планшет", "компьютер", "пк ", "видеокарт", "материнск",
        "термопаст", "чистк", "ремонт", "жөндеу", "жөнде", "телевизор", "приставк", "playstation", "плойк", "наушник", "камера", "динамик");

    public static readonly QualificationScript HomeRepair = Script("home_repair", ["repair", "repairs", "renovation", "construction", "remont"],
        "Что нужно отремонтировать и какая площадь помещения?", "Не жөндеу керек, бөлменің ауданы қандай?", CommonTimeline,
        "ремонт", "квартир", "ванн", "санузел", "туалет", "плитк", "кафел", "ламинат", "паркет", "обои", "штукатур", "шпакл", "покраск",
        "покрас", "электрик", "проводк", "розетк", "сантехник", "кран", "смесител", "унитаз", "потол", "натяжн", "отделк", "стяжк", "пол ",
        "полы", "окна", "двер", "кухн", "пәтер", "жөндеу", "жөнде", "үйді", "үйге", "үйдің", "бөлме", "монша", "құбыр", "еден", "төбе");

    public static readonly QualificationScript Beauty = Script("beauty", ["beauty_salon", "salon", "cosmetology", "nails", "barber"],
        "На какую услугу хотите записаться?", "Қандай қызметке жазылғыңыз келеді?",
        Timeline("На какой день и время вас записать?", "Қай күнге, қай уақытқа жазайын?"),
        "маникюр", "педикюр", "стрижк", "подстричь", "окрашиван", "покрасить волос", "волос", "ресниц", "бров", "макияж", "эпиляц", "депиляц",
        "шугаринг", "лазер", "чистк", "укладк", "наращиван", "шеллак", "гель лак", "гель-лак", "ногт", "косметолог", "массаж", "пилинг",
        "ботокс", "мезо", "кератин", "запис", "шаш", "тырнақ", "қас ", "қасым", "қасыма", "қасты", "қасқа", "кірпік", "бет ", "бояу", "бояту",
        "бояп", "жазыл");

    public static readonly QualificationScript Furniture = Script("furniture", ["furniture_store", "mebel", "kitchens"],
        "Какую мебель ищете и какие размеры нужны?", "Қандай жиһаз іздеп жүрсіз, өлшемдері қандай?", CommonTimeline,
        "мебел", "диван", "шкаф", "кухн", "кухонн", "гарнитур", "стол", "стул", "кресл", "кроват", "матрас", "комод", "тумб", "гардероб",
        "прихож", "стенк", "полк", "угловой", "жиһаз", "жихаз", "төсек", "үстел", "орындық", "кереует", "шкаф-купе", "на заказ", "тапсырыспен");

    public static readonly QualificationScript Courses = Script("education", ["courses", "course", "training", "school", "tutoring"],
        "Какой курс вас интересует и для кого обучение?", "Қай курс қызықтырады, кім оқиды?",
        Timeline("Когда хотите начать занятия?", "Сабақты қашан бастағыңыз келеді?"),
        "курс", "обучен", "учить", "выучить", "научиться", "урок", "занят", "английск", "англ ", "ielts", "айелтс", "ент ", "подготовк",
        "программир", "python", "питон", "репетитор", "математ", "групп", "ребен", "ребён", "дочь", "сын ", "сертификат", "онлайн",
        "сабақ", "оқу ", "оқығым", "үйрен", "дайындық", "ағылшын", "математика", "балам", "қызым", "ұлым", "тіл ");

    public static readonly QualificationScript AutoParts = Script("auto_parts", ["auto", "autoparts", "car_parts", "parts", "auto_service"],
        "Какая запчасть нужна? Напишите марку, модель и год автомобиля.", "Қандай бөлшек керек? Көліктің маркасын, моделін және жылын жазыңыз.",
        CommonTimeline,
        "запчаст", "фар", "бампер", "колодк", "фильтр", "масл", "двигател", "мотор", "подвеск", "амортизатор", "стойк", "диск", "шин",
        "резин", "тойот", "toyota", "камри", "camry", "лексус", "lexus", "хендай", "hyundai", "хундай", "киа ", "kia", "ваз", "лада", "приора",
        "нексия", "кобальт", "шевроле", "мерседес", "бмв", "ауди", "фольксваген", "поло", "вин ", "vin", "артикул", "оригинал", "аналог",
        "генератор", "стартер", "радиатор", "ремень", "грм", "свеч", "сцеплен", "коробк", "акпп", "машин", "авто", "бөлшек", "көлік", "мәшина");

    public static readonly QualificationScript RealEstate = Script("real_estate", ["realty", "property", "apartments", "rent"],
        "Что ищете: купить или снять, сколько комнат и какой район?", "Не іздеп жүрсіз: сатып алу ма, жалға алу ма, неше бөлме, қай аудан?",
        Timeline("Когда планируете заселиться или совершить сделку?", "Қашан көшуді немесе мәміле жасауды жоспарлап отырсыз?"),
        "квартир", "комнат", "однушк", "двушк", "трешк", "студи", "дом ", "дома ", "коттедж", "участок", "ипотек", "аренд", "снять", "сниму",
        "новострой", "жк ", "вторичк", "этаж", "район", "мкр", "микрорайон", "продать", "продаж", "риелтор", "пәтер", "бөлме", "үй ", "үй сатып",
        "жалға", "ипотека", "аудан", "шағын аудан");

    public static readonly QualificationScript General = Script("general", [],
        "Расскажите, пожалуйста, что вас интересует?", "Сізді не қызықтырады, айтып беріңізші?", CommonTimeline);

    public static IReadOnlyList<QualificationScript> All { get; } = [ElectronicsRepair, HomeRepair, Beauty, Furniture, Courses, AutoParts, RealEstate];

    private static readonly Lexicon EveryNiche = new(All.SelectMany(script => script.Keywords));

    private static readonly ConcurrentDictionary<string, Lexicon> ByNicheName = new(StringComparer.Ordinal);

    public static QualificationScript For(string? category)
    {
        var key = (category ?? "").Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        return All.FirstOrDefault(script => script.Niche == key || script.Aliases.Contains(key)) ?? General;
    }

    /// <summary>Niche words the need extractor looks for: every built-in niche's (a lead rarely names another niche's thing) plus the stems of the niche's own name.</summary>
    public static Lexicon KeywordsFor(string? nicheName)
    {
        if (string.IsNullOrWhiteSpace(nicheName))
            return EveryNiche;
        return ByNicheName.GetOrAdd(nicheName, name => EveryNiche.With(TextNormalizer.Normalize(name).Words
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => word.Length >= 4).Select(word => word[..Math.Min(word.Length, 6)])));
    }
}
