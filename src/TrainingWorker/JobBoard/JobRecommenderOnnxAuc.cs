using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.Training.JobBoard;

namespace iAyos.Messaging.TrainingWorker.JobBoard;

/// <summary>
/// A job-recommender version's ROC-AUC on a run's test examples, run as serving runs it: each example encoded with that
/// version's own spec (its label encoders and skill vocabulary), every row in one ONNX Runtime run. The activation rule
/// measures the new and the active version with this one function on the same rows.
/// </summary>
public static class JobRecommenderOnnxAuc
{
    public static double Measure(byte[] onnx, string specJson, IReadOnlyList<JobRecommenderExample> test, JobRecommenderDataset data)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(data);
        var spec = JobRecommenderSpec.Parse(specJson);
        var encoded = new Dictionary<long, EncodedJob>();
        var users = new Dictionary<long, EncodedUser>();
        var rows = JobRecommenderInputs.Encode(spec, [.. test.Select(e =>
        {
            if (!encoded.TryGetValue(e.JobId, out var job)) encoded[e.JobId] = job = EncodedJob.From(spec, data.Jobs[e.JobId].Facts);
            if (!users.TryGetValue(e.UserId, out var user))
                users[e.UserId] = user = EncodedUser.From(spec, e.UserId, data.Users.GetValueOrDefault(e.UserId));
            return (user, job);
        })]);
        using var session = OnnxSession.FromBytes(onnx);
        var n = rows.Rows;
        var scores = session.Run(new Dictionary<string, OnnxTensor>
        {
            [spec.UserInput] = OnnxTensor.Int64(rows.Users, n),
            [spec.JobInput] = OnnxTensor.Int64(rows.Jobs, n),
            [spec.LocationInput] = OnnxTensor.Int64(rows.Locations, n),
            [spec.CompanyInput] = OnnxTensor.Int64(rows.Companies, n),
            [spec.InputName] = OnnxTensor.Int64(rows.Skills, n, rows.MaxSkills),
        }, [spec.OutputName])[0].Data;
        return ClassificationMetrics.RocAuc([.. scores.Select(s => (double)s)], [.. test.Select(e => e.Applied)]);
    }
}
