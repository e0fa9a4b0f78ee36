using System.Text;

namespace iAyos.Messaging.Predictions.JobBoard;

/// <summary>
/// Seed 002's "skill extraction from job descriptions": TF-IDF restricted to a skill vocabulary. A job's skill bag is
/// the skills its listing names (those in the vocabulary) followed by the description's highest-weighted vocabulary
/// terms, up to a cap. Terms are matched as whole token runs (up to <see cref="MaxTermTokens"/> tokens, so
/// "machine learning" and "c#" are terms), case-insensitively.
/// </summary>
/// <remarks>
/// TF is the raw count in the title and description; IDF is scikit-learn's smoothed ln((1 + n) / (1 + df)) + 1 over the
/// training jobs' texts. Ranking within one document ignores normalisation, so none is applied. Ties go to the
/// vocabulary's order, so extraction is deterministic.
/// </remarks>
public sealed class SkillExtractor
{
    public const int MaxTermTokens = 3;

    private readonly Dictionary<string, int> _index;
    private readonly IReadOnlyList<double> _idf;

    public SkillExtractor(IReadOnlyList<string> vocabulary, IReadOnlyList<double> idf)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(idf);
        if (vocabulary.Count != idf.Count)
            throw new ArgumentException($"The vocabulary has {vocabulary.Count} skills and {idf.Count} IDF weights.", nameof(idf));
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            var skill = Normalize(vocabulary[i]);
            if (skill.Length == 0 || !_index.TryAdd(skill, i))
                throw new ArgumentException($"The vocabulary's skill {i} ('{vocabulary[i]}') is empty or repeated.", nameof(vocabulary));
        }
        Vocabulary = vocabulary.Select(Normalize).ToList();
        _idf = idf;
    }

    /// <summary>Normalized skills (see <see cref="Normalize"/>), in index order.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>The IDF of each vocabulary skill, in index order: what a fitted spec stores beside <see cref="Vocabulary"/>.</summary>
    public IReadOnlyList<double> Idf => _idf;

    /// <summary>
    /// Fits a vocabulary and its IDF on training jobs: every skill that at least <paramref name="minJobs"/> listings name,
    /// in order of first appearance; IDF over the same jobs' title + description.
    /// </summary>
    public static SkillExtractor Fit(IReadOnlyList<JobFacts> jobs, int minJobs = 2)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var job in jobs)
            foreach (var skill in job.RequiredSkills.Select(Normalize).Where(s => s.Length > 0).Distinct())
            {
                if (!counts.TryAdd(skill, 1)) counts[skill]++;
                else order.Add(skill);
            }
        var vocabulary = order.Where(s => counts[s] >= minJobs).ToList();
        var index = vocabulary.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var df = new int[vocabulary.Count];
        foreach (var job in jobs)
            foreach (var term in Terms(Text(job), index).Distinct())
                df[term]++;
        var idf = df.Select(d => Math.Log((1.0 + jobs.Count) / (1.0 + d)) + 1).ToList();
        return new SkillExtractor(vocabulary, idf);
    }

    /// <summary>The vocabulary index of a skill, or -1.</summary>
    public int IndexOf(string skill) => _index.TryGetValue(Normalize(skill), out var i) ? i : -1;

    /// <summary>The <paramref name="top"/> vocabulary terms of a text by TF-IDF weight, highest first.</summary>
    public IReadOnlyList<(string Skill, double Weight)> Extract(string text, int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var tf = new Dictionary<int, int>();
        foreach (var term in Terms(text ?? "", _index))
            tf[term] = tf.TryGetValue(term, out var n) ? n + 1 : 1;
        return tf.Select(kv => (Index: kv.Key, Weight: kv.Value * _idf[kv.Key]))
            .OrderByDescending(x => x.Weight).ThenBy(x => x.Index)
            .Take(top)
            .Select(x => (Vocabulary[x.Index], x.Weight))
            .ToList();
    }

    /// <summary>
    /// A job's skills, as the network sees them: the listed skills that are in the vocabulary (listing order, once each),
    /// then the top <paramref name="extracted"/> description terms not already listed, at most <paramref name="maxSkills"/> in all.
    /// </summary>
    public IReadOnlyList<string> SkillBag(JobFacts job, int maxSkills, int extracted)
    {
        ArgumentNullException.ThrowIfNull(job);
        var bag = new List<string>(maxSkills);
        foreach (var skill in job.RequiredSkills.Select(Normalize))
            if (bag.Count < maxSkills && _index.ContainsKey(skill) && !bag.Contains(skill)) bag.Add(skill);
        foreach (var (skill, _) in Extract(Text(job), extracted))
            if (bag.Count < maxSkills && !bag.Contains(skill)) bag.Add(skill);
        return bag;
    }

    /// <summary>Trimmed, lower-case (invariant), inner whitespace collapsed to one space.</summary>
    public static string Normalize(string skill) =>
        string.Join(' ', (skill ?? "").Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Lower-case tokens: letters, digits and the characters skills are spelled with (c++, c#, node.js, ci/cd).</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in (text ?? "").ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch) || ch is '+' or '#' or '.' or '/' or '-')
                current.Append(ch);
            else Flush();
        }
        Flush();
        return tokens;

        void Flush()
        {
            // A sentence's full stop is not part of a word ("python." is python); "node.js" keeps its inner dot.
            var token = current.ToString().Trim('.', '/', '-');
            if (token.Length > 0) tokens.Add(token);
            current.Clear();
        }
    }

    private static string Text(JobFacts job) => job.Title + "\n" + job.Description;

    /// <summary>Vocabulary indices of every token run of 1..<see cref="MaxTermTokens"/> tokens that is a term.</summary>
    private static IEnumerable<int> Terms(string text, Dictionary<string, int> index)
    {
        var tokens = Tokens(text);
        for (var start = 0; start < tokens.Count; start++)
        {
            var term = tokens[start];
            for (var length = 1; length <= MaxTermTokens && start + length <= tokens.Count; length++)
            {
                if (length > 1) term += " " + tokens[start + length - 1];
                if (index.TryGetValue(term, out var i)) yield return i;
            }
        }
    }
}
