namespace iAyos.Messaging.Cli.Simulation.FreelancerTrust;

/// <summary>
/// Sentence templates for bios and project texts, by <see cref="TrustWritingStyle"/>. Placeholders are filled by the
/// generator: {role}, {work}, {city}, {years}, {since}, {count}, {client}, {client2}, {job}, {outcome}, {tech}, {tech2},
/// {tech3}, {foreign} and {foreign2} (tools of another line of work), {virtue}, {virtue2}, {hype}, {hype2}, {n}, {d}, {pct}, {big}, {before}, {after}.
/// The three styles share almost no wording, so a sentence encoder can tell them apart; each has many variants so
/// that it cannot be told by one phrase.
/// </summary>
public static class TrustPhrases
{
    public static readonly IReadOnlyList<string> Cities =
        ["Cebu City", "Quezon City", "Makati", "Davao City", "Pasig", "Iloilo City", "Baguio", "Cagayan de Oro", "Bacolod", "Taguig", "Mandaue", "Antipolo"];

    /// <summary>Concrete bios open with who and where, with a number.</summary>
    public static readonly IReadOnlyList<string> ConcreteOpeners =
    [
        "I am a {role} based in {city} with {years} years of paid {work}.",
        "{role} in {city} since {since}; I have finished {count} jobs through referrals and this platform.",
        "I have worked as a {role} since {since}, mostly for {client}s and {client2}s around {city}.",
        "Based in {city}, I do {work} for small businesses and have completed {count} projects in {years} years.",
        "I'm a {role} with {years} years of experience, working full time out of {city}.",
        "My name is on {count} finished jobs here: I am a {role} working in {city} since {since}.",
    ];

    public static readonly IReadOnlyList<string> ConcreteClaims =
    [
        "For a {client} in {city} I {outcome}.",
        "Last year, working for a {client}, I {outcome}.",
        "One recent job: a {job} for a {client}, where I {outcome}.",
        "In {since} I took over a {job} for a {client2} and {outcome}.",
        "My longest client is a {client} I have worked with for {n} months; there I {outcome}.",
        "On a {job} for a {client2} I {outcome}, on a fixed quote.",
        "I {outcome} on a {job} that ran {n} weeks.",
    ];

    public static readonly IReadOnlyList<string> ConcreteTools =
    [
        "My daily tools are {tech}, {tech2} and {tech3}.",
        "I work mainly with {tech} and {tech2}, and I have used {tech3} on {n} jobs.",
        "Most of my jobs use {tech} together with {tech2}.",
        "I am strongest in {tech}; I also use {tech2} and {tech3} when a job needs them.",
        "Tools I bring to every job: {tech}, {tech2}.",
    ];

    public static readonly IReadOnlyList<string> ConcreteProcess =
    [
        "I send a written quote before starting and photos or a demo of each finished step.",
        "Clients get a short weekly report: hours spent, what changed, what is next.",
        "References from {n} past clients are available on request.",
        "I answer messages within {n} hours on working days and work Monday to Saturday.",
        "Every job ends with a checklist the client signs off, and I fix anything missed for free within {n} days.",
        "I keep my rate at a fixed price per job so there are no surprises on the invoice.",
        "I take at most {n} clients at a time so each one gets a fixed schedule.",
    ];

    public static readonly IReadOnlyList<string> Vague =
    [
        "I am a passionate, hard-working and dedicated professional.",
        "I always deliver quality work and I value honesty and good communication.",
        "Customer satisfaction is my top priority.",
        "I am a fast learner, a team player and I can work under pressure.",
        "I am reliable, flexible and detail-oriented in everything I do.",
        "I have experience in many kinds of {work} and I am always willing to learn more.",
        "I treat every project as my own and always give my best effort.",
        "I am a self-motivated person with a positive attitude.",
        "I believe that hard work and commitment bring good results.",
        "I can adapt to any situation and I enjoy working with different kinds of people.",
        "My goal is to build long-term relationships with my clients.",
        "I take pride in my work and I am eager to help you with your needs.",
        "I am organized, punctual and I follow instructions well.",
        "Please feel free to message me and let us discuss your project.",
        "Looking forward to working with you!",
        "I am open to any kind of task related to {work}.",
        "I am friendly and easy to work with, and I always do my best.",
        "Thank you for visiting my profile.",
        "I know how to use {tech} and other tools.",
        "I am {virtue} and {virtue2}, and I always make sure my clients are happy.",
        "As a {virtue} worker, I will do my best to meet your expectations.",
        "You can count on me to be {virtue} and {virtue2} from start to finish.",
        "Whatever your needs are in {work}, I am here to help.",
        "I am currently looking for new opportunities to grow and gain more experience.",
        "I have handled different clients before and they were all satisfied.",
    ];

    /// <summary>Virtues anyone can claim, for vague bios: {virtue}, {virtue2}.</summary>
    public static readonly IReadOnlyList<string> Virtues =
        ["honest", "reliable", "hard-working", "dedicated", "patient", "committed", "responsible", "trustworthy", "diligent", "motivated", "approachable", "professional"];

    /// <summary>Superlatives for inflated bios: {hype}.</summary>
    public static readonly IReadOnlyList<string> Hype =
        ["world-class", "legendary", "unbeatable", "elite", "award-winning", "genius-level", "flawless", "premium", "number-one", "five-star"];

    /// <summary>Vague bios sometimes open with a role and a round number of years, the only concrete thing in them.</summary>
    public static readonly IReadOnlyList<string> VagueOpeners =
    [
        "Hello! I am a {role} and I love what I do.",
        "Hi, I am a hard-working {role}.",
        "Good day! I am a {role} with several years of experience.",
        "I am a {role} who is passionate about {work}.",
        "Hello there, I am a dedicated {role} with {years} years of experience.",
        "Hi! Welcome to my profile.",
    ];

    public static readonly IReadOnlyList<string> Inflated =
    [
        "World-class {role} and certified expert in every {work} technology.",
        "Top 1% freelancer with a 100% success rate and 100% satisfaction guaranteed.",
        "I have mastered {tech}, {foreign}, {tech2}, {foreign2} and basically everything else.",
        "Trusted by Fortune 500 companies and thousands of happy clients worldwide.",
        "No job is too big: I deliver perfect results in record time, guaranteed.",
        "The best {role} you will ever hire: #1 rated, unbeatable quality, zero mistakes ever.",
        "Unlimited revisions, instant delivery and results that beat any agency.",
        "I am an elite guru of {tech}, {foreign} and {foreign2} with unmatched genius-level skills.",
        "Over 20 years of experience in every field, from {foreign} to {tech}.",
        "I guarantee you will be 1000% amazed or you do not pay a single peso.",
        "Rated the number one {role} in Asia by all of my clients.",
        "I can do ANY task, ANY technology, ANY deadline, always flawless.",
        "Award-winning superstar with skills no other freelancer can match.",
        "Hire me now and get guaranteed five-star, world-class, premium results.",
        "I never miss, I never fail, and every client I ever had came back.",
        "Expert level in {foreign}, {tech2}, {foreign2} and {tech3}, the complete package.",
        "My {hype} skills make me the only {role} you will ever need.",
        "Clients call my work {hype} and {hype2}, 100% of the time.",
        "Certified in {foreign}, {tech} and {foreign2}: there is nothing I cannot master overnight.",
        "{hype} results, {hype2} speed, 24/7, guaranteed or your money back.",
        "Top 0.1% globally in {work}, ranked above every agency.",
    ];

    public static readonly IReadOnlyList<string> InflatedOpeners =
    [
        "#1 world-class {role} at your service!",
        "ELITE {role} with unlimited skills.",
        "The ultimate top-rated {role} on the entire platform.",
        "Guaranteed best {role} money can buy.",
        "Legendary {role}, expert in absolutely everything.",
    ];

    /// <summary>Project titles: a job for a kind of client.</summary>
    public static readonly IReadOnlyList<string> ConcreteTitles =
        ["{job} for a {client}", "{job} for a {client} in {city}", "{job} ({client})", "{client}: {job}"];

    public static readonly IReadOnlyList<string> ConcreteDescriptions =
    [
        "Did a {job} for a {client} in {city}: {outcome}. Used {tech} and {tech2}.",
        "{job} for a {client} with {n} staff. I {outcome}. Work done with {tech}.",
        "Scope: {job}, fixed quote, {n} weeks. Result: I {outcome}. Stack and tools: {tech}, {tech2}.",
        "Took over an unfinished {job} for a {client2}; {outcome}. Handed over notes and photos at the end.",
        "Worked with the owner of a {client} on a {job}. I {outcome}, using {tech}.",
    ];

    public static readonly IReadOnlyList<string> VagueTitles =
        ["Project for a client", "{job}", "Various tasks", "Freelance work", "Client project", "{work} job", "Part-time work"];

    public static readonly IReadOnlyList<string> VagueDescriptions =
    [
        "Worked on a project for a client. Did everything that was needed and the client was happy.",
        "Handled different tasks related to {work}. Delivered good quality work.",
        "Helped a client with their needs. Good experience and learned a lot.",
        "Did some {work} for a client. Finished the work properly.",
        "Assisted with various tasks. The client was satisfied with the output.",
        "Worked on this with dedication and hard work.",
    ];

    public static readonly IReadOnlyList<string> InflatedTitles =
        ["Revolutionary {job}", "World-class {job}", "Ultimate {job} for a global brand", "Record-breaking {job}", "Premium {job} masterpiece"];

    public static readonly IReadOnlyList<string> InflatedDescriptions =
    [
        "Delivered a revolutionary, world-class {job} that exceeded every expectation by 1000%.",
        "Single-handedly built the best {job} in the industry using {foreign}, {tech} and every other tool.",
        "Flawless, award-winning result in record time. Client called it the best work they ever saw.",
        "Guaranteed perfection: the {job} now beats every competitor in the world.",
        "Used cutting-edge {foreign} and {foreign2} expertise to create a {job} that changed everything.",
    ];
}
