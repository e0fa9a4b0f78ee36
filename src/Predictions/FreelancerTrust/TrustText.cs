using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.FreelancerTrust;

/// <summary>The text the sentence encoder reads for a profile: the bio, then each project's title and description.
/// The encoder keeps the first 256 word pieces, so the bio always counts in full or nearly.</summary>
public static class TrustText
{
    public static string Compose(EvaluateTrust profile)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(profile.Bio)) parts.Add(profile.Bio.Trim());
        foreach (var p in profile.Projects ?? [])
        {
            if (p is null) continue;
            var line = string.Join(": ", new[] { p.Title?.Trim(), p.Description?.Trim() }.Where(s => !string.IsNullOrEmpty(s)));
            if (line.Length > 0) parts.Add(line);
        }
        return string.Join("\n", parts);
    }
}
