using System.Text.RegularExpressions;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Training.FreelancerTrust;

namespace iAyos.Messaging.Cli.Simulation.FreelancerTrust;

/// <summary>
/// Labelled freelancer profiles for the trust model (seed 003, written afresh): each freelancer has a latent honesty
/// that shows, with independent noise, in how they write (<see cref="TrustWritingStyle"/>) and in their history
/// (overlapping projects, links, short gigs, skills no project shows). The label is drawn from
/// <see cref="FreelancerTrustTruth"/>. Profile i depends only on the seed and i: its history from one random stream and
/// its wording from another, so <see cref="FreelancerProfileGeneratorOptions.OnlyStyle"/> rewrites the same histories.
/// </summary>
public static partial class FreelancerProfileGenerator
{
    private static readonly string[] FirstNames =
        ["maria", "jose", "ana", "juan", "liza", "mark", "grace", "paolo", "joy", "carlo", "rhea", "miguel", "kristine", "noel", "bea", "ramon"];

    private static readonly string[] LastNames =
        ["santos", "reyes", "cruz", "bautista", "garcia", "mendoza", "torres", "villanueva", "ramos", "aquino", "flores", "delarosa"];

    public static IReadOnlyList<GeneratedTrustProfile> Generate(FreelancerProfileGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Count);
        var profiles = new List<GeneratedTrustProfile>(options.Count);
        for (var i = 0; i < options.Count; i++)
            profiles.Add(new Freelancer(options, i).Generate());
        return profiles;
    }

    /// <summary>The labelled profiles alone, as <see cref="TrustProfileFile"/> writes them.</summary>
    public static IEnumerable<LabelledTrustProfile> Labelled(IEnumerable<GeneratedTrustProfile> profiles) => profiles.Select(p => p.Labelled);

    /// <summary>A stream's seed from the set's seed, the profile and the stream (splitmix64's finalizer, the same in every process).</summary>
    private static int StreamSeed(int seed, int index, int stream)
    {
        var x = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)index * 0xBF58476D1CE4E5B9UL + (ulong)stream * 0x94D049BB133111EBUL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return (int)((x ^ (x >> 31)) & int.MaxValue);
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b1 years\b")]
    private static partial Regex OneYear();

    /// <summary>"a" before a vowel sound: "a apartment owner" becomes "an apartment owner" (a "u" is usually a "you": a user manual).</summary>
    [GeneratedRegex(@"\b([Aa]) (?=[AEIOaeio])")]
    private static partial Regex Article();

    private sealed record PlannedProject(string Job, string Client, IReadOnlyList<string> Technologies, DateOnly Start, DateOnly? End, string? Link);

    /// <summary>One freelancer: <see cref="_history"/> draws who they are and what they did, <see cref="_words"/> how they write it.</summary>
    private sealed class Freelancer(FreelancerProfileGeneratorOptions options, int index)
    {
        private readonly Random _history = new(StreamSeed(options.Seed, index, 1));
        private readonly Random _words = new(StreamSeed(options.Seed, index, 2));
        private readonly Random _label = new(StreamSeed(options.Seed, index, 3));
        private readonly DateOnly _asOf = options.AsOf;

        private TrustDomain _domain = TrustDomain.All[0];
        private string _role = "";
        private string _city = "";
        private int _years;
        private int _count;
        private List<string> _skills = [];
        private List<string> _foreign = [];

        public GeneratedTrustProfile Generate()
        {
            // Honesty shows in both the writing and the history, each with noise of its own.
            var honesty = Normal(_history);
            var writing = 0.6 * honesty + 0.8 * Normal(_history);
            var record = 0.6 * honesty + 0.8 * Normal(_history);
            var inflatedNotVague = _history.NextDouble() < 0.45;
            var style = options.OnlyStyle ?? (writing > 0.15 ? TrustWritingStyle.Concrete : inflatedNotVague ? TrustWritingStyle.Inflated : TrustWritingStyle.Vague);

            _domain = Pick(_history, TrustDomain.All);
            _role = Pick(_history, _domain.Roles);
            _city = Pick(_history, TrustPhrases.Cities);
            var handle = $"{Pick(_history, FirstNames)}{Pick(_history, [".", "", "-"])}{Pick(_history, LastNames)}";
            var projects = PlanProjects(record, handle);
            _skills = Skills(projects, record);
            _foreign = TrustDomain.All.Where(d => d != _domain).SelectMany(d => d.Technologies).ToList();
            var first = projects.Min(p => p.Start);
            _years = Math.Max(1, (int)Math.Round((_asOf.DayNumber - first.DayNumber) / 365.25));
            _count = projects.Count + _history.Next(0, 3 * projects.Count + 1);

            var profile = new EvaluateTrust
            {
                Bio = Bio(style),
                Skills = _skills,
                Projects = projects.Select(p => Write(p, ProjectStyle(style))).ToList(),
            };
            var indicators = TrustIndicators.Compute(profile, _asOf);
            // Rounded as the file keeps it, so the file's p is the one the label was drawn with.
            var probability = Math.Round(FreelancerTrustTruth.Probability(style, _domain.HomeService, indicators), 6);
            var labelled = new LabelledTrustProfile
            {
                Id = $"fl-{options.Seed}-{index + 1:D5}",
                Profile = profile,
                AsOf = _asOf,
                Trustworthy = _label.NextDouble() < probability,
                TrueProbability = probability,
            };
            return new GeneratedTrustProfile(labelled, new PlantedTrust(_domain.Name, _domain.HomeService, style, honesty, probability), indicators);
        }

        /// <summary>
        /// Projects in slots over the years of history, newest first. A poor record brings short gigs, projects started
        /// before the last one ended, and fewer links.
        /// </summary>
        private List<PlannedProject> PlanProjects(double record, string handle)
        {
            var years = Math.Clamp(Math.Exp(Math.Log(2.5) + 0.8 * record + 0.5 * Normal(_history)), 0.3, 14);
            var shortGigs = _history.NextDouble() < Sigmoid(-2.0 - 3.0 * record);
            // Gig hoppers list many short jobs even over a short history.
            var count = Math.Clamp((int)Math.Round(1 + years * (0.6 + _history.NextDouble())) + (shortGigs ? _history.Next(2, 7) : 0), 1, 10);
            var overlapChance = Sigmoid(-1.0 - 2.5 * record);
            var linkShare = _domain.HomeService
                ? Sigmoid(-0.8 + 1.5 * record + 0.6 * Normal(_history))
                : Sigmoid(0.6 + 2.0 * record + 0.6 * Normal(_history));

            var historyStart = _asOf.AddDays(-(int)(years * 365.25));
            var slot = (_asOf.DayNumber - historyStart.DayNumber) / (double)count;
            var planned = new List<PlannedProject>(count);
            DateOnly? previousStart = null, previousEnd = null;
            for (var i = 0; i < count; i++)
            {
                var start = historyStart.AddDays((int)(slot * (i + 0.3 * _history.NextDouble())));
                var days = shortGigs ? _history.Next(20, 56) : Math.Max(14, (int)(slot * (0.5 + 0.45 * _history.NextDouble())));
                if (previousEnd is { } end && previousStart is { } begun && _history.NextDouble() < overlapChance)
                {
                    // Gigs run side by side; a longer project starts well before the previous one was finished.
                    var earlier = shortGigs ? begun.AddDays(_history.Next(0, 8)) : end.AddDays(-_history.Next(40, 200));
                    start = earlier < historyStart ? historyStart : earlier;
                    if (!shortGigs) days = Math.Max(days, _history.Next(60, 240));
                }
                if (start > _asOf) start = _asOf;
                var finish = start.AddDays(days);
                DateOnly? stated = finish >= _asOf.AddDays(-45) && _history.NextDouble() < 0.6 ? null : finish > _asOf ? _asOf : finish;
                previousEnd = stated ?? _asOf;
                previousStart = start;
                var job = Pick(_history, _domain.Jobs);
                var technologies = Sample(_history, _domain.Technologies, _history.Next(2, 5));
                var link = _history.NextDouble() < linkShare ? $"https://{Pick(_history, _domain.LinkHosts)}/{handle}/{Slug(job)}-{i + 1}" : null;
                planned.Add(new PlannedProject(job, Pick(_history, _domain.Clients), technologies, start, stated, link));
            }
            planned.Reverse();
            return planned;
        }

        /// <summary>Most of the projects' tools, and, on a poor record, tools of other trades that no project shows.</summary>
        private List<string> Skills(List<PlannedProject> projects, double record)
        {
            var omitted = Sigmoid(-2.0 - 2.0 * record);
            var shown = new List<string>();
            foreach (var t in projects.SelectMany(p => p.Technologies))
                if (!shown.Contains(t) && _history.NextDouble() > omitted) shown.Add(t);
            var others = TrustDomain.All.Where(d => d != _domain).SelectMany(d => d.Technologies).ToList();
            var padding = Sample(_history, others, Math.Min(12, Poisson(_history, 12 * Sigmoid(-1.2 - 2.5 * record))));
            var skills = shown.Concat(padding).ToList();
            Shuffle(_history, skills);
            return skills.Take(15).ToList();
        }

        /// <summary>Projects are mostly written the way the bio is; some in another hand.</summary>
        private TrustWritingStyle ProjectStyle(TrustWritingStyle bio) =>
            _words.NextDouble() < 0.8 ? bio : (TrustWritingStyle)_words.Next(0, 3);

        private TrustProject Write(PlannedProject p, TrustWritingStyle style)
        {
            var (titles, descriptions) = style switch
            {
                TrustWritingStyle.Concrete => (TrustPhrases.ConcreteTitles, TrustPhrases.ConcreteDescriptions),
                TrustWritingStyle.Vague => (TrustPhrases.VagueTitles, TrustPhrases.VagueDescriptions),
                _ => (TrustPhrases.InflatedTitles, TrustPhrases.InflatedDescriptions),
            };
            return new TrustProject
            {
                Title = Capitalize(Fill(Pick(_words, titles), p.Technologies, p)),
                Description = Capitalize(Fill(Pick(_words, descriptions), p.Technologies, p)),
                Technologies = p.Technologies,
                StartDate = p.Start,
                EndDate = p.End,
                Link = p.Link,
            };
        }

        /// <summary>An opener, then sentences of the style in random order until about a drawn length of 40-120 words.</summary>
        private string Bio(TrustWritingStyle style)
        {
            var target = _words.Next(40, 121);
            var candidates = new List<string>();
            switch (style)
            {
                case TrustWritingStyle.Concrete:
                    var body = Sample(_words, TrustPhrases.ConcreteClaims, 3)
                        .Append(Pick(_words, TrustPhrases.ConcreteTools))
                        .Concat(Sample(_words, TrustPhrases.ConcreteProcess, 2)).ToList();
                    if (_words.NextDouble() < 0.25) body.Add(Pick(_words, TrustPhrases.Vague));
                    Shuffle(_words, body);
                    candidates.Add(Pick(_words, TrustPhrases.ConcreteOpeners));
                    candidates.AddRange(body);
                    candidates.AddRange(Sample(_words, TrustPhrases.ConcreteClaims, TrustPhrases.ConcreteClaims.Count));
                    break;
                case TrustWritingStyle.Vague:
                    if (_words.NextDouble() < 0.75) candidates.Add(Pick(_words, TrustPhrases.VagueOpeners));
                    candidates.AddRange(Sample(_words, TrustPhrases.Vague, TrustPhrases.Vague.Count));
                    break;
                default:
                    candidates.Add(Pick(_words, TrustPhrases.InflatedOpeners));
                    var hype = Sample(_words, TrustPhrases.Inflated, TrustPhrases.Inflated.Count);
                    if (_words.NextDouble() < 0.35) hype.Insert(_words.Next(1, 4), Pick(_words, TrustPhrases.Vague));
                    candidates.AddRange(hype);
                    break;
            }
            var sentences = new List<string>();
            var words = 0;
            foreach (var template in candidates)
            {
                var sentence = Capitalize(Fill(template, _skills.Count > 0 ? _skills : _domain.Technologies, null));
                var length = WordCount(sentence);
                if (words >= target || (words >= 40 && words + length > 120)) break;
                sentences.Add(sentence);
                words += length;
            }
            return string.Join(" ", sentences);
        }

        /// <summary>Fills a template's placeholders: the same name twice in one sentence is the same value, and {tech},
        /// {tech2}, {tech3} are different tools from <paramref name="tools"/> (the domain's own listed first).</summary>
        private string Fill(string template, IReadOnlyList<string> tools, PlannedProject? project)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var own = tools.Where(t => _domain.Technologies.Contains(t)).ToList();
            var toolOrder = Sample(_words, own.Count >= 3 ? own : _domain.Technologies, 3);
            var foreign = Sample(_words, _foreign, 2);
            var text = Placeholder().Replace(template, match =>
            {
                var name = match.Groups[1].Value;
                // Names and tools repeat within a sentence; numbers are drawn afresh each time.
                if (values.TryGetValue(name, out var known)) return known;
                var value = name switch
                {
                    "role" => _role,
                    "work" => _domain.Work,
                    "city" => _words.NextDouble() < 0.6 ? _city : Pick(_words, TrustPhrases.Cities),
                    "years" => _years.ToString(),
                    "since" => (_asOf.Year - _years).ToString(),
                    "count" => _count.ToString(),
                    "client" => project?.Client ?? Pick(_words, _domain.Clients),
                    "client2" => Pick(_words, _domain.Clients),
                    "job" => project?.Job ?? Pick(_words, _domain.Jobs),
                    "outcome" => Fill(Pick(_words, _domain.Outcomes), tools, project),
                    "tech" => toolOrder[0],
                    "tech2" => toolOrder[Math.Min(1, toolOrder.Count - 1)],
                    "tech3" => toolOrder[Math.Min(2, toolOrder.Count - 1)],
                    "virtue" or "virtue2" => Pick(_words, TrustPhrases.Virtues.Where(v => !values.ContainsValue(v)).ToList()),
                    "hype" or "hype2" => Pick(_words, TrustPhrases.Hype.Where(v => !values.ContainsValue(v)).ToList()),
                    "foreign" => foreign[0],
                    "foreign2" => foreign[1],
                    "n" => _words.Next(2, 13).ToString(),
                    "d" => _words.Next(1, 10).ToString(),
                    "pct" => _words.Next(12, 66).ToString(),
                    "big" => (_words.Next(4, 91) * 10).ToString(),
                    "before" => _words.Next(5, 10).ToString(),
                    "after" => _words.Next(1, 5).ToString(),
                    _ => throw new InvalidOperationException($"Unknown placeholder {{{name}}} in \"{template}\"."),
                };
                if (name is not ("n" or "d" or "pct" or "big")) values[name] = value;
                return value;
            });
            return Article().Replace(OneYear().Replace(text, "1 year"), "$1n ");
        }
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double Normal(Random random)
    {
        // Box-Muller from two draws of the given stream.
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
            k++;
        return k;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Up to <paramref name="count"/> different items in random order.</summary>
    private static List<T> Sample<T>(Random random, IReadOnlyList<T> items, int count)
    {
        var copy = items.ToList();
        Shuffle(random, copy);
        return copy.Take(Math.Min(count, copy.Count)).ToList();
    }

    private static void Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Capitalize(string text) => text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Slug(string text) => string.Join("-", text.ToLowerInvariant().Split([' ', '/', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries));
}
