using iAyos.Messaging.Engine;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.JobBoard;

namespace iAyos.Messaging.Training.JobBoard;

/// <summary>How far ONNX Runtime's score for an exported job-recommender graph is from the engine's on the same rows,
/// fed exactly as serving feeds it: the spec's int64 inputs from the shared <see cref="JobRecommenderInputs"/>.</summary>
public static class JobRecommenderOnnxParity
{
    /// <summary>Largest difference on a 0-1 score that still passes.</summary>
    public const double Tolerance = 1e-4;

    public static double MaxDifference(byte[] onnx, JobRecommenderSpec spec, JobRecommenderInputs rows, Tensor engine)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(engine);
        using var session = OnnxSession.FromBytes(onnx);
        var n = rows.Rows;
        var score = session.Run(new Dictionary<string, OnnxTensor>
        {
            [spec.UserInput] = OnnxTensor.Int64(rows.Users, n),
            [spec.JobInput] = OnnxTensor.Int64(rows.Jobs, n),
            [spec.LocationInput] = OnnxTensor.Int64(rows.Locations, n),
            [spec.CompanyInput] = OnnxTensor.Int64(rows.Companies, n),
            [spec.InputName] = OnnxTensor.Int64(rows.Skills, n, rows.MaxSkills),
        }, [spec.OutputName])[0].Data;
        double max = 0;
        for (var i = 0; i < score.Length; i++) max = Math.Max(max, Math.Abs(score[i] - engine.Data[i]));
        return max;
    }
}
