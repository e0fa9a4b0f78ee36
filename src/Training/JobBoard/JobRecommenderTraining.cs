using System.Diagnostics;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.Training.JobBoard.Baselines;
using iAyos.Messaging.Training.JobBoard.Networks;

namespace iAyos.Messaging.Training.JobBoard;

/// <summary>A trained job-recommender version: the selected network, its spec, its ONNX graph and the held-out report.</summary>
public sealed record JobRecommenderTrainingResult(ConvFmNetwork Network, JobRecommenderSpec Spec, byte[] Onnx, JobRecommenderReport Report, TrainingResult Fit);

/// <summary>One epoch of one candidate's fit, named so a caller can tell the runs apart.</summary>
public sealed record JobRecommenderProgress(string Run, EpochReport Epoch);

/// <summary>
/// Seed 002's job recommender end to end without I/O: examples from the snapshot cut by time, the spec fitted on the
/// fit part (the training part less validation), every candidate setting fitted with early stopping on validation and the best validation AUC
/// selected, then the selected network measured on test beside the baselines (popularity, matrix factorization,
/// content, random) and, given the generator's truth, the best achievable.
/// </summary>
public static class JobRecommenderTraining
{
    public const string ConvFm = "ConvFM", MatrixFactorization = "MF", Popularity = "popularity", Content = "content",
        RandomScore = "random", BestAchievable = "best achievable";

    public static JobRecommenderTrainingResult Run(JobBoardSnapshot snapshot, JobRecommenderTrainingOptions options,
        IProgress<JobRecommenderProgress>? progress = null, Func<long, long, double>? truth = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var data = JobRecommenderDataset.Build(snapshot, options.Dataset);
        CheckEnough(data);

        // Fitted on the rows the network fits on, so a validation user or job that only appears there is unknown (0), as
        // a new one is on test; otherwise it would hold a never-trained row of its own and validation would misjudge cold start.
        var spec = JobRecommenderSpecFitter.Fit(data.Fit, data.Jobs, markUserProfile: options.MarkUserProfile);
        var encoder = new JobRecommenderEncoder(spec, data.Jobs, data.Users);
        var fit = Encoded(encoder, data.Fit);
        var fitTensors = UnknownIds.Mask(fit.Tensors, options.UnknownIdShare, options.Seed);
        var validation = Encoded(encoder, data.Validation);
        var test = Encoded(encoder, data.Test);
        var ranking = RankingCases.Build(data, data.Test, options.RankingRandomCandidates, options.Seed);

        var candidates = new List<JobRecommenderCandidate>();
        Trained? convFm = null;
        foreach (var batch in options.BatchSizes)
            foreach (var dropout in options.Dropouts)
                foreach (var decay in options.WeightDecays)
                    foreach (var embeddingDecay in options.EmbeddingDecays)
                    {
                        var run = Train(ConvFm, () => NewConvFm(spec, dropout, options.Seed), fitTensors, fit.Labels, validation,
                            new Setting(batch, dropout, decay, embeddingDecay), options, progress, ct);
                        candidates.Add(run.Candidate);
                        if (convFm is null || run.Candidate.ValidationAuc > convFm.Candidate.ValidationAuc) convFm = run;
                    }
        Trained? mf = null;
        foreach (var decay in options.MfEmbeddingDecays)
        {
            var run = Train(MatrixFactorization, () => new MatrixFactorizationNetwork(spec.UserIds.Count + 1, spec.JobIds.Count + 1, options.MfFactors, new Random(options.Seed)),
                fitTensors, fit.Labels, validation, new Setting(options.MfBatchSize, 0, 0, decay), options, progress, ct);
            candidates.Add(run.Candidate);
            if (mf is null || run.Candidate.ValidationAuc > mf.Candidate.ValidationAuc) mf = run;
        }
        if (convFm is null || mf is null) throw new ArgumentException("Give at least one batch size, dropout and weight decay for each network.", nameof(options));

        // Every model is scored the same way: validation rows (threshold), test rows, the ranking lists.
        var models = new List<JobRecommenderModelResult>
        {
            Measure(ConvFm, Network(convFm.Network, encoder, options), Network(convFm.Network, encoder, options), validation, test, ranking, probability: true),
            Measure(MatrixFactorization, Network(mf.Network, encoder, options), Network(mf.Network, encoder, options), validation, test, ranking, probability: true),
            // Popularity counts applications in what precedes each part: the fit part for validation, the whole training part for test.
            Measure(Popularity, new PopularityScorer(data.Fit).Score, new PopularityScorer(data.Training).Score, validation, test, ranking, probability: false),
            Measure(Content, ContentScores(data, encoder), ContentScores(data, encoder), validation, test, ranking, probability: false),
            Measure(RandomScore, RandomScores(options.Seed), RandomScores(options.Seed + 1), validation, test, ranking, probability: true),
        };
        if (truth is not null)
        {
            IReadOnlyList<double> Truth(IReadOnlyList<(long UserId, long JobId)> pairs) => [.. pairs.Select(p => truth(p.UserId, p.JobId))];
            models.Add(Measure(BestAchievable, Truth, Truth, validation, test, ranking, probability: true));
        }

        // The graph that ships is checked against the engine on the test rows, fed as serving feeds it.
        var network = (ConvFmNetwork)convFm.Network;
        var onnx = network.ExportOnnx("job_recommender", spec);
        var onnxError = JobRecommenderOnnxParity.MaxDifference(onnx, spec, test.Inputs, network.Predict(test.Tensors, options.PredictBatchSize));
        if (onnxError > JobRecommenderOnnxParity.Tolerance)
            throw new InvalidOperationException($"ONNX Runtime disagrees with the trained job recommender by {onnxError:G3} on a test row.");

        var report = new JobRecommenderReport
        {
            Fit = JobRecommenderDataset.Count(data.Fit),
            Validation = JobRecommenderDataset.Count(data.Validation),
            Test = JobRecommenderDataset.Count(data.Test),
            RandomNegativesPerPositive = data.Options.RandomNegativesPerPositive,
            ShownNegatives = data.Options.ShownNegatives,
            UnknownIdShare = options.UnknownIdShare,
            Users = spec.UserIds.Count,
            Jobs = spec.JobIds.Count,
            Skills = spec.Skills.Count,
            ColdStartTestRows = Enumerable.Range(0, test.Inputs.Rows).Count(r => test.Inputs.Users[r] == JobRecommenderSpec.Unknown || test.Inputs.Jobs[r] == JobRecommenderSpec.Unknown),
            UnknownUserTestRows = test.Inputs.Users.Count(u => u == JobRecommenderSpec.Unknown),
            UnknownJobTestRows = test.Inputs.Jobs.Count(j => j == JobRecommenderSpec.Unknown),
            RankingUsers = ranking.Cases.Count,
            RankingRandomCandidates = options.RankingRandomCandidates,
            RankingMeanCandidates = ranking.Cases.Count == 0 ? 0 : ranking.Cases.Average(c => c.JobIds.Count),
            Candidates = candidates,
            Selected = convFm.Candidate,
            Models = models,
            OnnxMaxAbsError = onnxError,
            TrainingSeconds = clock.Elapsed.TotalSeconds,
        };
        return new JobRecommenderTrainingResult(network, spec, onnx, report, convFm.Fit);
    }

    /// <summary>The seed's ConvFM over a fitted spec's vocabularies (each with its unknown index 0).</summary>
    public static ConvFmNetwork NewConvFm(JobRecommenderSpec spec, double dropout, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ConvFmNetwork(spec.UserIds.Count + 1, spec.JobIds.Count + 1, spec.LocationRows, spec.Companies.Count + 1,
            spec.SkillRows, spec.MaxSkills, new Random(seed), dropout);
    }

    /// <summary>A part's examples encoded once: pairs, the shared encoder's rows, the networks' tensors and the labels.</summary>
    private sealed record EncodedPart(IReadOnlyList<JobRecommenderExample> Examples, IReadOnlyList<(long UserId, long JobId)> Pairs,
        JobRecommenderInputs Inputs, Tensor[] Tensors, Tensor Labels, IReadOnlyList<bool> Applied);

    private sealed record Trained(ITrainableNetwork Network, TrainingResult Fit, JobRecommenderCandidate Candidate);

    private static EncodedPart Encoded(JobRecommenderEncoder encoder, IReadOnlyList<JobRecommenderExample> examples)
    {
        var pairs = examples.Select(e => (e.UserId, e.JobId)).ToList();
        var inputs = encoder.Inputs(pairs);
        return new EncodedPart(examples, pairs, inputs, JobRecommenderEncoder.Tensors(inputs), JobRecommenderEncoder.Labels(examples),
            [.. examples.Select(e => e.Applied)]);
    }

    /// <summary>One candidate's settings: batch size, dropout, L2 on the kernels, lazy L2 on the embedding tables.</summary>
    private sealed record Setting(int BatchSize, double Dropout, double WeightDecay, double EmbeddingDecay);

    private static Trained Train(string model, Func<ITrainableNetwork> create, Tensor[] fitX, Tensor fitY, EncodedPart validation, Setting setting,
        JobRecommenderTrainingOptions options, IProgress<JobRecommenderProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var network = create();
        var tables = network.Parameters.Where(p => !p.IsKernel && p.Value.Rank == 2 && p.Name.EndsWith("/embeddings", StringComparison.Ordinal)
            || p.Name.StartsWith("mf/", StringComparison.Ordinal) && p.Value.Rank == 2).ToList();
        var optimizer = new EmbeddingDecay(new Adam(network.Parameters, options.LearningRate, l2: setting.WeightDecay), tables, setting.EmbeddingDecay);
        var name = $"{model} batch {setting.BatchSize} dropout {setting.Dropout:0.##} l2 {setting.WeightDecay:G2} embedding l2 {setting.EmbeddingDecay:G2}";
        var runProgress = progress is null ? null : new Forward(report => progress.Report(new JobRecommenderProgress(name, report)));
        var result = Trainer.Fit(network, new BinaryCrossEntropy(), optimizer, fitX, fitY, validation.Tensors, validation.Labels,
            new TrainingOptions
            {
                Epochs = options.Epochs,
                BatchSize = setting.BatchSize,
                Seed = options.Seed,
                EarlyStoppingPatience = options.Patience,
                RestoreBestWeights = true,
                EndOnBestWeights = true,
            }, runProgress, ct);
        var validationScores = Scores(network.Predict(validation.Tensors, options.PredictBatchSize));
        var epochSeconds = result.History.Count == 0 ? 0 : result.History.Average(h => h.Elapsed.TotalSeconds);
        var shown = Enumerable.Range(0, validation.Examples.Count).Where(i => validation.Examples[i].Source != ExampleSource.Random).ToList();
        var candidate = new JobRecommenderCandidate(model, setting.BatchSize, setting.Dropout, setting.WeightDecay, setting.EmbeddingDecay, result.EpochsRun,
            result.BestEpoch, result.BestLoss, ClassificationMetrics.RocAuc(validationScores, validation.Applied),
            ClassificationMetrics.RocAuc([.. shown.Select(i => validationScores[i])], [.. shown.Select(i => validation.Applied[i])]),
            clock.Elapsed.TotalSeconds, epochSeconds);
        return new Trained(network, result, candidate);
    }

    private static JobRecommenderModelResult Measure(string name, Func<IReadOnlyList<(long UserId, long JobId)>, IReadOnlyList<double>> validationScorer,
        Func<IReadOnlyList<(long UserId, long JobId)>, IReadOnlyList<double>> testScorer, EncodedPart validation, EncodedPart test, RankingCases ranking,
        bool probability)
    {
        var validationScores = validationScorer(validation.Pairs);
        var threshold = ClassificationMetrics.BestF1Threshold(validationScores, validation.Applied);
        var testScores = testScorer(test.Pairs);
        var shown = Enumerable.Range(0, test.Examples.Count).Where(i => test.Examples[i].Source != ExampleSource.Random).ToList();
        return new JobRecommenderModelResult
        {
            TestShownAuc = ClassificationMetrics.RocAuc([.. shown.Select(i => testScores[i])], [.. shown.Select(i => test.Applied[i])]),
            Name = name,
            ValidationAuc = ClassificationMetrics.RocAuc(validationScores, validation.Applied),
            Test = ClassificationMetrics.Compute(testScores, test.Applied, threshold),
            TestAtHalf = probability ? ClassificationMetrics.Compute(testScores, test.Applied, 0.5) : null,
            Ranking = ranking.Measure(testScorer),
        };
    }

    private static Func<IReadOnlyList<(long UserId, long JobId)>, IReadOnlyList<double>> Network(ITrainableNetwork network, JobRecommenderEncoder encoder,
        JobRecommenderTrainingOptions options) => pairs => Scores(network.Predict(encoder.Tensors(pairs), options.PredictBatchSize));

    private static Func<IReadOnlyList<(long UserId, long JobId)>, IReadOnlyList<double>> ContentScores(JobRecommenderDataset data, JobRecommenderEncoder encoder) =>
        pairs => [.. pairs.Select(p => ContentJobScorer.Score(User(data, p.UserId), data.Jobs[p.JobId].Facts, encoder.Job(p.JobId).Skills).Score)];

    /// <summary>Uniform scores from a fixed seed: the AUC-0.5 floor the others are read against.</summary>
    private static Func<IReadOnlyList<(long UserId, long JobId)>, IReadOnlyList<double>> RandomScores(int seed) =>
        pairs =>
        {
            var random = new Random(seed);
            return [.. pairs.Select(_ => random.NextDouble())];
        };

    private static UserFacts User(JobRecommenderDataset data, long userId) =>
        data.Users.TryGetValue(userId, out var user) ? user : new UserFacts(userId, [], null, null, null);

    private static double[] Scores(Tensor predictions)
    {
        var scores = new double[predictions.Length];
        for (var i = 0; i < scores.Length; i++) scores[i] = predictions.Data[i];
        return scores;
    }

    private static void CheckEnough(JobRecommenderDataset data)
    {
        foreach (var (part, examples) in new[] { ("fit", data.Fit), ("validation", data.Validation), ("test", data.Test) })
        {
            var counts = JobRecommenderDataset.Count(examples);
            if (counts.Applied == 0 || counts.Applied == counts.Total)
                throw new ArgumentException($"Too few interactions to train and measure a job recommender: the {part} part has {counts}; it needs applications and negatives.");
        }
    }

    /// <summary>Synchronous, unlike Progress&lt;T&gt;, so each epoch reaches the caller before the next starts.</summary>
    private sealed class Forward(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
