using iAyos.Messaging.Engine;
using iAyos.Messaging.Training.JobBoard.Networks;

namespace iAyos.Messaging.Training.Tests.JobBoard.Networks;

/// <summary>Random rows for ConvFM, and a planted problem it must learn.</summary>
internal static class ConvFmData
{
    public const int Users = 40, Jobs = 60, Locations = 6, Companies = 9, Skills = 13, MaxSkills = 5;

    /// <summary>The skill the planted users like.</summary>
    public const int LikedSkill = 3;

    public static ConvFmNetwork Build(int seed, double dropout = 0.2, int dimension = ConvFmNetwork.EmbeddingDimension) =>
        new(Users, Jobs, Locations, Companies, Skills, MaxSkills, new Random(seed), dropout, dimension);

    /// <summary>Uniform ids in [0, vocabulary) (0, unknown, included) and bags of 0 to <see cref="MaxSkills"/> skills,
    /// 0-padded at the end (so some rows are only padding).</summary>
    public static Tensor[] RandomInputs(int rows, int seed)
    {
        var random = new Random(seed);
        var inputs = new[] { Tensor.Zeros(rows, 1), Tensor.Zeros(rows, 1), Tensor.Zeros(rows, 1), Tensor.Zeros(rows, 1), Tensor.Zeros(rows, MaxSkills) };
        for (var r = 0; r < rows; r++)
        {
            inputs[ConvFmNetwork.UserInput].Data[r] = random.Next(Users);
            inputs[ConvFmNetwork.JobInput].Data[r] = random.Next(Jobs);
            inputs[ConvFmNetwork.LocationInput].Data[r] = random.Next(Locations);
            inputs[ConvFmNetwork.CompanyInput].Data[r] = random.Next(Companies);
            var count = random.Next(MaxSkills + 1);
            for (var s = 0; s < count; s++) inputs[ConvFmNetwork.SkillsInput].Data[r * MaxSkills + s] = 1 + random.Next(Skills - 1);
        }
        return inputs;
    }

    /// <summary>Each job has a fixed bag (half of them hold <see cref="LikedSkill"/>) and location and company; half the users
    /// like that skill. A user applies (label 1) exactly when they like the skill and the job lists it.</summary>
    public static (Tensor[] Inputs, Tensor Y) UserLikesSkill(int rows, int seed)
    {
        var world = new Random(99);
        var likes = Enumerable.Range(0, Users).Select(_ => world.Next(2) == 1).ToArray();
        var bags = new int[Jobs][];
        var (locations, companies) = (new int[Jobs], new int[Jobs]);
        for (var j = 1; j < Jobs; j++)
        {
            var bag = Enumerable.Range(0, 1 + world.Next(MaxSkills - 1)).Select(_ => 1 + world.Next(Skills - 1)).Where(s => s != LikedSkill).ToList();
            if (j % 2 == 0) bag.Insert(world.Next(bag.Count + 1), LikedSkill);
            bags[j] = [.. bag];
            (locations[j], companies[j]) = (world.Next(Locations), world.Next(Companies));
        }
        var random = new Random(seed);
        var inputs = new[] { Tensor.Zeros(rows, 1), Tensor.Zeros(rows, 1), Tensor.Zeros(rows, 1), Tensor.Zeros(rows, 1), Tensor.Zeros(rows, MaxSkills) };
        var y = Tensor.Zeros(rows, 1);
        for (var r = 0; r < rows; r++)
        {
            var (user, job) = (1 + random.Next(Users - 1), 1 + random.Next(Jobs - 1));
            inputs[ConvFmNetwork.UserInput].Data[r] = user;
            inputs[ConvFmNetwork.JobInput].Data[r] = job;
            inputs[ConvFmNetwork.LocationInput].Data[r] = locations[job];
            inputs[ConvFmNetwork.CompanyInput].Data[r] = companies[job];
            for (var s = 0; s < bags[job].Length; s++) inputs[ConvFmNetwork.SkillsInput].Data[r * MaxSkills + s] = bags[job][s];
            y.Data[r] = likes[user] && bags[job].Contains(LikedSkill) ? 1 : 0;
        }
        return (inputs, y);
    }

    /// <summary>ROC-AUC: the chance a random positive outscores a random negative (ties count half).</summary>
    public static double Auc(Tensor scores, Tensor labels)
    {
        var positives = scores.Data.Where((_, i) => labels.Data[i] == 1).ToArray();
        var negatives = scores.Data.Where((_, i) => labels.Data[i] == 0).ToArray();
        double wins = 0;
        foreach (var p in positives)
            foreach (var n in negatives)
                wins += p > n ? 1 : p == n ? 0.5 : 0;
        return wins / ((double)positives.Length * negatives.Length);
    }
}
