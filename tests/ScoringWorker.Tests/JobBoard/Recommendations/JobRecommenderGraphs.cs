using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;
using iAyos.Messaging.Predictions.JobBoard;

namespace iAyos.Messaging.ScoringWorker.Tests.JobBoard.Recommendations;

/// <summary>
/// A small real ONNX graph with the job-recommender's inputs and output (int64 user_id, job_id, location, company [N],
/// skills [N, max_skills]; float score [N, 1]) whose forward pass a test can compute: score = sigmoid(user[u] + job[j]
/// + location[l] + company[c] + the sum of skill[s] over the row's skill rows), each table a scalar per index (the skill and
/// location tables have the spec's <see cref="JobRecommenderSpec.SkillRows"/> and <see cref="JobRecommenderSpec.LocationRows"/>). Index 0's entries are 0, so unknowns and skill
/// padding add nothing.
/// </summary>
public sealed class JobRecommenderGraphs
{
    public JobRecommenderGraphs(JobRecommenderSpec spec, int seed = 5)
    {
        var random = new Random(seed);
        float[] Table(int known) => [0f, .. Enumerable.Range(0, known).Select(_ => (float)(random.NextDouble() * 2 - 1))];
        Spec = spec;
        Users = Table(spec.UserIds.Count);
        Jobs = Table(spec.JobIds.Count);
        Locations = Table(spec.LocationRows - 1);
        Companies = Table(spec.Companies.Count);
        Skills = Table(spec.SkillRows - 1);
    }

    public JobRecommenderSpec Spec { get; }
    public float[] Users { get; }
    public float[] Jobs { get; }
    public float[] Locations { get; }
    public float[] Companies { get; }
    public float[] Skills { get; }

    public byte[] Graph() => new OnnxGraphBuilder("job_recommender_sum")
        .AddInt64Input(Spec.UserInput, [null])
        .AddInt64Input(Spec.JobInput, [null])
        .AddInt64Input(Spec.LocationInput, [null])
        .AddInt64Input(Spec.CompanyInput, [null])
        .AddInt64Input(Spec.InputName, null, Spec.MaxSkills)
        .AddInitializer("user_table", Users, Users.Length, 1)
        .AddInitializer("job_table", Jobs, Jobs.Length, 1)
        .AddInitializer("location_table", Locations, Locations.Length, 1)
        .AddInitializer("company_table", Companies, Companies.Length, 1)
        .AddInitializer("skill_table", Skills, Skills.Length, 1)
        .AddInitializer("skill_axis", new long[] { 1 }, 1)
        .AddNode("Gather", ["user_table", Spec.UserInput], ["u"])                     // [N, 1]
        .AddNode("Gather", ["job_table", Spec.JobInput], ["j"])
        .AddNode("Gather", ["location_table", Spec.LocationInput], ["l"])
        .AddNode("Gather", ["company_table", Spec.CompanyInput], ["c"])
        .AddNode("Gather", ["skill_table", Spec.InputName], ["s_each"])               // [N, max_skills, 1]
        .AddNode("ReduceSum", ["s_each", "skill_axis"], ["s"], OnnxAttribute.Int("keepdims", 0)) // [N, 1]
        .AddNode("Sum", ["u", "j", "l", "c", "s"], ["logit"])
        .AddNode("Sigmoid", ["logit"], [Spec.OutputName])
        .AddOutput(Spec.OutputName, null, 1)
        .ToModelBytes();

    /// <summary>The graph's forward pass, computed here, for one row of <paramref name="rows"/>.</summary>
    public double Forward(JobRecommenderInputs rows, int row)
    {
        double logit = Users[rows.Users[row]] + Jobs[rows.Jobs[row]] + Locations[rows.Locations[row]] + Companies[rows.Companies[row]];
        for (var s = 0; s < rows.MaxSkills; s++)
            logit += Skills[rows.Skills[row * rows.MaxSkills + s]];
        return 1 / (1 + Math.Exp(-logit));
    }

    public LoadedModel Load(int version = 7) =>
        new(JobRecommenderKind.KindName, version, "sha", OnnxSession.FromBytes(Graph()), DateTimeOffset.UtcNow, Spec);

    /// <summary>Declares 3 skill slots where the spec sends 10: every run fails in ONNX Runtime.</summary>
    public static byte[] Broken(JobRecommenderSpec spec) => new OnnxGraphBuilder("broken")
        .AddInt64Input(spec.UserInput, [null])
        .AddInt64Input(spec.JobInput, [null])
        .AddInt64Input(spec.LocationInput, [null])
        .AddInt64Input(spec.CompanyInput, [null])
        .AddInt64Input(spec.InputName, null, 3)
        .AddInitializer("table", [0.5f, 0.25f], 2, 1)
        .AddNode("Gather", ["table", spec.UserInput], ["u"])
        .AddNode("Sigmoid", ["u"], [spec.OutputName])
        .AddOutput(spec.OutputName, null, 1)
        .ToModelBytes();
}
