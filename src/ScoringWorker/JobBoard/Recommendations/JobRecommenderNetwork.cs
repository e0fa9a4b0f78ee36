using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.JobBoard;

namespace iAyos.Messaging.ScoringWorker.JobBoard.Recommendations;

/// <summary>The active job-recommender version (ConvFM), scoring a user against every candidate in one ONNX run.</summary>
public sealed class JobRecommenderNetwork(ActiveModels models)
{
    /// <summary>The active version, or null when none is loaded.</summary>
    public LoadedModel? Active => models.Get(JobRecommenderKind.KindName);

    /// <summary>The spec a loaded version was trained with.</summary>
    /// <exception cref="ArgumentException">The version was loaded with another kind's spec.</exception>
    public static JobRecommenderSpec SpecOf(LoadedModel model) => model.Features as JobRecommenderSpec
        ?? throw new ArgumentException($"{model.Kind} v{model.Version} was loaded with a spec that is not a job-recommender spec.");

    /// <summary>The probability of applying, per row, in order.</summary>
    /// <exception cref="OnnxRuntimeException">The graph refused the inputs.</exception>
    /// <exception cref="ArgumentException">The graph answered the wrong number of scores, or one that is not a number.</exception>
    public static float[] Score(LoadedModel model, JobRecommenderInputs rows)
    {
        var spec = SpecOf(model);
        var n = rows.Rows;
        if (n == 0) return [];
        var outputs = model.Session.Run(new Dictionary<string, OnnxTensor>
        {
            [spec.UserInput] = OnnxTensor.Int64(rows.Users, n),
            [spec.JobInput] = OnnxTensor.Int64(rows.Jobs, n),
            [spec.LocationInput] = OnnxTensor.Int64(rows.Locations, n),
            [spec.CompanyInput] = OnnxTensor.Int64(rows.Companies, n),
            [spec.InputName] = OnnxTensor.Int64(rows.Skills, n, rows.MaxSkills),
        }, [spec.OutputName]);
        var scores = outputs[0].Data;
        if (scores.Length != n)
            throw new ArgumentException($"{model.Kind} v{model.Version} answered {scores.Length} scores for {n} rows.");
        foreach (var score in scores)
            if (!float.IsFinite(score))
                throw new ArgumentException($"{model.Kind} v{model.Version} answered a score that is not a number.");
        return scores;
    }
}
