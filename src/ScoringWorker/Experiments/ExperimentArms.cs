using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using iAyos.Messaging.Contracts.Recommendations;

namespace iAyos.Messaging.ScoringWorker.Experiments;

/// <summary>
/// Assigns clients to the arms of an experiment, deterministically: SHA-256 of "experiment:client" (never .NET's
/// string hash, which is randomized per process) gives a point in [0, 1), and the arms' normalised shares cut
/// that interval in a fixed arm order. The same client lands in the same arm on every instance, every restart;
/// changing the shares moves only the clients near the cuts that moved.
/// </summary>
public sealed partial class ExperimentArms
{
    /// <summary>The arms, in the order their shares are laid out.</summary>
    public static readonly IReadOnlyList<string> AllArms = [RecommendationModes.RuleBased, RecommendationModes.Neural, RecommendationModes.Ensemble];

    private readonly Dictionary<string, (string Arm, double UpTo)[]> _cuts;

    public ExperimentArms(IReadOnlyDictionary<string, ExperimentDefinition> experiments)
    {
        _cuts = new(StringComparer.Ordinal);
        foreach (var (name, definition) in experiments)
        {
            if (!IsValidName(name))
                throw new InvalidOperationException($"{ExperimentDefinition.Section}: '{name}' is not a valid experiment name (lower-case letters, digits, '-', '_'; up to 64).");
            _cuts[name] = Cuts(name, definition.Shares);
        }
        var running = experiments.Where(e => e.Value.Enabled).Select(e => e.Key).ToList();
        if (running.Count > 1)
            throw new InvalidOperationException($"{ExperimentDefinition.Section}: only one experiment may be enabled at a time, found {string.Join(", ", running)}.");
        Running = running.SingleOrDefault();
    }

    /// <summary>The experiment requests are assigned to now, if any.</summary>
    public string? Running { get; }

    /// <summary>The client's arm in the running experiment; null when none runs.</summary>
    public ExperimentAssignment? ForClient(long clientId) => Running is { } name ? new(name, Assign(name, clientId)) : null;

    /// <summary>The client's arm in the named experiment (configured, running or not).</summary>
    public string Assign(string experiment, long clientId)
    {
        if (!_cuts.TryGetValue(experiment, out var cuts))
            throw new ArgumentException($"No experiment '{experiment}' is configured.", nameof(experiment));
        var point = Point(experiment, clientId);
        foreach (var (arm, upTo) in cuts)
        {
            if (point < upTo)
                return arm;
        }
        return cuts[^1].Arm; // rounding: the last cut is 1
    }

    /// <summary>The client's stable point in [0, 1) for this experiment.</summary>
    public static double Point(string experiment, long clientId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{experiment}:{clientId}")), hash);
        // 53 bits: exactly representable as a double in [0, 1).
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / (double)(1UL << 53);
    }

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    private static (string Arm, double UpTo)[] Cuts(string name, IReadOnlyDictionary<string, double> shares)
    {
        foreach (var (arm, share) in shares)
        {
            if (!AllArms.Contains(arm))
                throw new InvalidOperationException($"{ExperimentDefinition.Section}:{name}:Shares: '{arm}' is not an arm; arms are {string.Join(", ", AllArms)}.");
            if (share < 0 || !double.IsFinite(share))
                throw new InvalidOperationException($"{ExperimentDefinition.Section}:{name}:Shares:{arm} must be a non-negative number.");
        }
        var total = shares.Values.Sum();
        if (total <= 0)
            throw new InvalidOperationException($"{ExperimentDefinition.Section}:{name}:Shares must give at least one arm a positive share.");
        var cuts = new List<(string, double)>();
        var upTo = 0.0;
        foreach (var arm in AllArms)
        {
            if (shares.TryGetValue(arm, out var share) && share > 0)
            {
                upTo += share / total;
                cuts.Add((arm, upTo));
            }
        }
        cuts[^1] = (cuts[^1].Item1, 1.0);
        return [.. cuts];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}
