namespace iAyos.Messaging.Predictions.PriceBudget;

/// <summary>
/// Derives an iAyos category (a name of <c>iayos.categories</c>) for a job that names none, such as a row of
/// the freelancer CSV: the category whose keywords best match the job's tags (2 points each) and title words
/// (1 point each), ties going to the earlier category in <see cref="Rules"/>, no match at all to Handyman.
/// Training rows and requests without a category go through the same rules, so both see the same one-hot.
/// </summary>
public static class PriceCategoryRules
{
    public const string Fallback = "Handyman";

    /// <summary>Keywords in lower case; multi-word ones ("pest control") only match a whole tag.</summary>
    public static readonly IReadOnlyList<(string Category, IReadOnlySet<string> Keywords)> Rules =
    [
        ("Plumbing", Set("plumbing", "plumber", "pipes", "pipe", "water", "fixtures", "faucet", "leak", "leaking", "toilet", "drain", "sink", "shower", "clogged", "septic", "bidet", "heater")),
        ("Electrical", Set("electrical", "electrician", "wiring", "rewiring", "power", "outlet", "socket", "breaker", "lighting", "lights", "generator", "cctv", "alarm", "security", "camera", "intercom", "doorbell")),
        ("Carpentry", Set("carpentry", "carpenter", "wood", "wooden", "furniture", "cabinet", "cabinets", "shelves", "door", "doors", "deck", "table", "bookshelf", "framing")),
        ("Painting", Set("painting", "repainting", "paint", "repaint", "coating", "finishing", "varnish", "mural")),
        ("House Cleaning", Set("cleaning", "clean", "housekeeping", "sanitization", "disinfection", "pool")),
        ("Appliance Repair", Set("appliance", "electronics", "refrigerator", "fridge", "tv", "washing", "microwave", "oven", "stove")),
        ("Aircon Servicing", Set("aircon", "hvac", "cooling", "ventilation", "ac", "refrigerant", "thermostat", "duct")),
        ("Masonry", Set("masonry", "concrete", "cement", "hollow", "block", "blocks", "plastering", "brick", "bricks", "fireplace")),
        ("Welding", Set("welding", "weld", "metal", "steel", "fabrication", "gate", "grills", "railings", "trusses")),
        ("Roofing", Set("roofing", "roof", "waterproofing", "gutter", "gutters", "skylight", "flashing")),
        ("Gardening", Set("garden", "gardening", "plants", "landscaping", "outdoor", "lawn", "tree", "trees", "pond", "hedge", "grass", "weed")),
        ("Moving and Hauling", Set("moving", "move", "movers", "relocation", "hauling", "haul", "delivery", "junk", "ship")),
        ("Auto Mechanic", Set("car", "auto", "engine", "brake", "brakes", "tire", "tires", "mechanic")),
        ("Tiling", Set("tiles", "tile", "tiling", "flooring", "floor", "refinishing", "vinyl", "grout", "laminate", "marble")),
        ("Pest Control", Set("pest control", "pest", "extermination", "treatment", "prevention", "termite", "termites", "fumigation", "fogging")),
        ("Laundry", Set("laundry", "ironing", "wash")),
        ("Computer Repair", Set("computer", "laptop", "printer", "network", "wifi")),
        ("Home Renovation", Set("demolition", "demolish", "demo", "teardown", "removal", "renovation", "remodel", "extension")),
        ("Handyman", Set("handyman", "home improvement")),
        ("Cooking and Catering", Set("cooking", "catering", "cook", "chef", "party")),
    ];

    public static string Derive(string? title, IReadOnlyList<string>? tags)
    {
        var tagSet = (tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).ToHashSet();
        var words = TextHashing.Words(title);
        var best = Fallback;
        var bestScore = 0;
        foreach (var (category, keywords) in Rules)
        {
            var score = 2 * tagSet.Count(keywords.Contains) + words.Count(keywords.Contains);
            if (score > bestScore)
            {
                best = category;
                bestScore = score;
            }
        }
        return best;
    }

    private static IReadOnlySet<string> Set(params string[] keywords) => keywords.ToHashSet(StringComparer.Ordinal);
}
