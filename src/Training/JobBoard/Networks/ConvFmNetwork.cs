using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;
using iAyos.Messaging.Onnx.Writer;
using iAyos.Messaging.Predictions.JobBoard;

namespace iAyos.Messaging.Training.JobBoard.Networks;

/// <summary>
/// Seed 002's ConvFM (the PyTorch reference is ../shared/anchors/torch_timing.py's ConvFM). Five field vectors of 64:
/// user, job, the job's skills (mean-pooled, padding skipped), location and company, stacked as [B, 5, 64]. From them:
/// Conv1D (64 filters, kernel 3, 'same') → ReLU → average over the five steps → [B, 64]; the FM second-order term
/// ½ Σ_k ((Σ_f v_fk)² − Σ_f v_fk²); a linear term, the sum of per-id scalar weights of user, job, location and company;
/// and a deep part on concat(the five vectors, the conv features) = 384 → Dense 128 → BatchNorm → ReLU → Dropout →
/// 64 → … → 32 → … → Dense 1. Output: sigmoid(linear + FM + deep).
/// </summary>
/// <remarks>
/// Inputs, in order (<see cref="UserInput"/> ...): user, job, location and company indices [B, 1] and the skill bag
/// [B, maxSkills], float-coded integers with 0 = unknown (or skill padding), as <see cref="JobRecommenderSpec"/> maps
/// them. Output: [B, 1], the probability of applying. The field order of the stack is torch's: user, job, skills,
/// location, company. Channels-last [B, 5, 64] through Conv1D is exactly torch's channels-first [B, 64, 5] through Conv1d.
/// BatchNorm uses torch's defaults (momentum 0.1, i.e. running = 0.9 · running + 0.1 · batch; ε 1e-5).
/// </remarks>
public sealed class ConvFmNetwork : ITrainableNetwork
{
    public const int UserInput = 0, JobInput = 1, LocationInput = 2, CompanyInput = 3, SkillsInput = 4, InputCount = 5;
    public const int EmbeddingDimension = 64, ConvFilters = 64, ConvKernel = 3, Fields = 5;
    public static readonly IReadOnlyList<int> HiddenUnits = [128, 64, 32];

    private readonly Embedding _users, _jobs, _locations, _companies;
    private readonly MeanEmbeddingBag _skills;
    private readonly Embedding _userWeights, _jobWeights, _locationWeights, _companyWeights;
    private readonly Conv1D _conv;
    private readonly Activation _convRelu;
    private readonly GlobalAveragePooling1D _pool;
    private readonly FactorizationMachine _fm;
    private readonly Network _deep;
    private Tensor? _output;

    /// <param name="users">User vocabulary including index 0 (unknown): the spec's users + 1.</param>
    /// <param name="jobs">Job vocabulary including index 0.</param>
    /// <param name="locations">Location vocabulary including index 0.</param>
    /// <param name="companies">Company vocabulary including index 0.</param>
    /// <param name="skills">Skill vocabulary including index 0 (padding).</param>
    /// <param name="maxSkills">Skill slots per row (the spec's max_skills).</param>
    /// <param name="dropout">Dropout after each hidden layer while training (0 turns it off).</param>
    /// <param name="embeddingDimension">The field vectors' size: the seed's 64; smaller only for checks.</param>
    public ConvFmNetwork(int users, int jobs, int locations, int companies, int skills, int maxSkills, Random init,
        double dropout = 0.2, int embeddingDimension = EmbeddingDimension)
    {
        ArgumentNullException.ThrowIfNull(init);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSkills);
        var d = embeddingDimension;
        _users = new Embedding("user_embedding", users, d, init);
        _jobs = new Embedding("job_embedding", jobs, d, init);
        _skills = new MeanEmbeddingBag("skill_embedding", skills, d, init);
        _locations = new Embedding("location_embedding", locations, d, init);
        _companies = new Embedding("company_embedding", companies, d, init);
        _userWeights = new Embedding("user_linear", users, 1, init);
        _jobWeights = new Embedding("job_linear", jobs, 1, init);
        _locationWeights = new Embedding("location_linear", locations, 1, init);
        _companyWeights = new Embedding("company_linear", companies, 1, init);
        _conv = new Conv1D("conv", d, ConvFilters, ConvKernel, Conv1DPadding.Same, init);
        _convRelu = new Activation("conv_relu", ActivationKind.Relu);
        _pool = new GlobalAveragePooling1D("conv_pool");
        _fm = new FactorizationMachine("fm", Fields, d);
        var layers = new List<ILayer>();
        var width = Fields * d + ConvFilters;
        for (var i = 0; i < HiddenUnits.Count; i++)
        {
            layers.Add(new Dense($"deep_dense_{i + 1}", width, HiddenUnits[i], init));
            layers.Add(new BatchNormalization($"deep_batch_norm_{i + 1}", HiddenUnits[i], momentum: 0.9, epsilon: 1e-5));
            layers.Add(new Activation($"deep_relu_{i + 1}", ActivationKind.Relu));
            if (dropout > 0) layers.Add(new Dropout($"deep_dropout_{i + 1}", dropout));
            width = HiddenUnits[i];
        }
        layers.Add(new Dense("deep_output", width, 1, init));
        _deep = new Network([.. layers]);
        (Users, Jobs, Locations, Companies, Skills, MaxSkills, Dimension) = (users, jobs, locations, companies, skills, maxSkills, d);
        Parameters = [.. Fields5().SelectMany(l => l.Parameters), .. _userWeights.Parameters, .. _jobWeights.Parameters,
                      .. _locationWeights.Parameters, .. _companyWeights.Parameters, .. _conv.Parameters, .. _deep.Parameters];
        Weights = [.. Parameters.Select(p => new NamedTensor(p.Name, p.Value)),
                   .. _deep.Weights.Skip(_deep.Parameters.Count)];
    }

    public int Users { get; }
    public int Jobs { get; }
    public int Locations { get; }
    public int Companies { get; }
    public int Skills { get; }
    public int MaxSkills { get; }
    public int Dimension { get; }

    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Parameters, then the BatchNorm layers' running statistics.</summary>
    public IReadOnlyList<NamedTensor> Weights { get; }

    public void ZeroGrad()
    {
        foreach (var p in Parameters) p.ZeroGrad();
    }

    /// <summary>The inputs in the network's order from encoded rows.</summary>
    public static Tensor[] Inputs(JobRecommenderInputs rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [Column(rows.Users), Column(rows.Jobs), Column(rows.Locations), Column(rows.Companies), Matrix(rows.Skills, rows.Rows, rows.MaxSkills)];
    }

    public Tensor Forward(IReadOnlyList<Tensor> inputs, Random? training)
    {
        var rows = CheckInputs(inputs);
        var d = Dimension;
        // The stack [B, 5, d], row-major, is also the first 5·d columns of the deep part's input.
        var stacked = Tensor.Zeros(rows, Fields, d);
        var fields = new[]
        {
            _users.Forward(inputs[UserInput], training), _jobs.Forward(inputs[JobInput], training), _skills.Forward(inputs[SkillsInput], training),
            _locations.Forward(inputs[LocationInput], training), _companies.Forward(inputs[CompanyInput], training),
        };
        for (var r = 0; r < rows; r++)
            for (var f = 0; f < Fields; f++)
                Array.Copy(fields[f].Data, r * d, stacked.Data, (r * Fields + f) * d, d);

        var conv = _pool.Forward(_convRelu.Forward(_conv.Forward(stacked, training), training), training);
        var fm = _fm.Forward(stacked, training);
        var deepInput = Tensor.Zeros(rows, Fields * d + ConvFilters);
        for (var r = 0; r < rows; r++)
        {
            Array.Copy(stacked.Data, r * Fields * d, deepInput.Data, r * deepInput.Dim(1), Fields * d);
            Array.Copy(conv.Data, r * ConvFilters, deepInput.Data, r * deepInput.Dim(1) + Fields * d, ConvFilters);
        }
        var deep = _deep.Forward(deepInput, training);
        var linear = new[]
        {
            _userWeights.Forward(inputs[UserInput], training), _jobWeights.Forward(inputs[JobInput], training),
            _locationWeights.Forward(inputs[LocationInput], training), _companyWeights.Forward(inputs[CompanyInput], training),
        };
        var output = Tensor.Zeros(rows, 1);
        for (var r = 0; r < rows; r++)
        {
            var logit = linear[0].Data[r] + linear[1].Data[r] + linear[2].Data[r] + linear[3].Data[r] + fm.Data[r] + deep.Data[r];
            output.Data[r] = Activation.Sigmoid(logit);
        }
        _output = output;
        return output;
    }

    public void Backward(Tensor outputGradient)
    {
        var output = _output ?? throw new InvalidOperationException("Backward before Forward.");
        var rows = output.Dim(0);
        var d = Dimension;
        if (outputGradient.Length != rows)
            throw new ArgumentException($"The network produced [{rows}, 1], got a gradient {outputGradient}.", nameof(outputGradient));
        // Every term enters the logit with weight 1: they all receive σ'(logit) · g.
        var logitGradient = Tensor.Zeros(rows, 1);
        for (var r = 0; r < rows; r++)
            logitGradient.Data[r] = outputGradient.Data[r] * output.Data[r] * (1 - output.Data[r]);
        var linearGradient = logitGradient.Reshape(rows, 1, 1);
        _userWeights.Backward(linearGradient);
        _jobWeights.Backward(linearGradient);
        _locationWeights.Backward(linearGradient);
        _companyWeights.Backward(linearGradient);

        var deepGradient = _deep.Backward(logitGradient);
        var width = Fields * d + ConvFilters;
        var stackedGradient = _fm.Backward(logitGradient);
        var poolGradient = Tensor.Zeros(rows, ConvFilters);
        for (var r = 0; r < rows; r++)
        {
            MatrixMath.MultiplyAdd(1f, deepGradient.Data.AsSpan(r * width, Fields * d), stackedGradient.Data.AsSpan(r * Fields * d, Fields * d));
            Array.Copy(deepGradient.Data, r * width + Fields * d, poolGradient.Data, r * ConvFilters, ConvFilters);
        }
        var convGradient = _conv.Backward(_convRelu.Backward(_pool.Backward(poolGradient)));
        MatrixMath.MultiplyAdd(1f, convGradient.Data, stackedGradient.Data);

        var fields = Fields5();
        for (var f = 0; f < Fields; f++)
        {
            var fieldGradient = Tensor.Zeros(rows, d);
            for (var r = 0; r < rows; r++)
                Array.Copy(stackedGradient.Data, (r * Fields + f) * d, fieldGradient.Data, r * d, d);
            fields[f].Backward(f == SkillField ? fieldGradient : fieldGradient.Reshape(rows, 1, d));
        }
    }

    /// <summary>Inference over many rows, <paramref name="batchSize"/> at a time: [rows, 1] probabilities.</summary>
    public Tensor Predict(IReadOnlyList<Tensor> inputs, int batchSize = 256) => TrainableNetworks.Predict(this, inputs, batchSize);

    /// <summary>
    /// The inference graph: int64 [N] <see cref="JobRecommenderSpec.UserInput"/>, <see cref="JobRecommenderSpec.JobInput"/>,
    /// <see cref="JobRecommenderSpec.LocationInput"/>, <see cref="JobRecommenderSpec.CompanyInput"/> and int64 [N, max_skills]
    /// <see cref="JobRecommenderSpec.InputName"/> gathered straight from the tables; output <see cref="JobRecommenderSpec.OutputName"/>
    /// float [N, 1].
    /// </summary>
    public byte[] ExportOnnx(string graphName, JobRecommenderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.MaxSkills != MaxSkills)
            throw new ArgumentException($"The network pools {MaxSkills} skill slots, the spec has {spec.MaxSkills}.", nameof(spec));
        var graph = new OnnxGraphBuilder(graphName)
            .AddInt64Input(spec.UserInput, [null])
            .AddInt64Input(spec.JobInput, [null])
            .AddInt64Input(spec.LocationInput, [null])
            .AddInt64Input(spec.CompanyInput, [null])
            .AddInt64Input(spec.InputName, null, MaxSkills);
        var export = new OnnxExport(graph);
        var d = Dimension;

        string[] fields =
        [
            Lookup(export, _users, spec.UserInput), Lookup(export, _jobs, spec.JobInput), _skills.ExportOnnxFromIds(export, spec.InputName),
            Lookup(export, _locations, spec.LocationInput), Lookup(export, _companies, spec.CompanyInput),
        ];
        var (flat, stackShape, stacked) = (export.Name("stack", "flat"), export.Name("stack", "shape"), export.Name("stack", "output"));
        graph.AddNode("Concat", fields, [flat], OnnxAttribute.Int("axis", 1))                     // [N, 5·d]
            .AddInitializer(stackShape, new long[] { -1, Fields, d }, 3)
            .AddNode("Reshape", [flat, stackShape], [stacked]);                                    // [N, 5, d]

        var conv = _pool.ExportOnnx(export, _convRelu.ExportOnnx(export, _conv.ExportOnnx(export, stacked)));
        var fm = _fm.ExportOnnx(export, stacked);
        var deepInput = export.Name("deep", "input");
        graph.AddNode("Concat", [flat, conv], [deepInput], OnnxAttribute.Int("axis", 1));
        var deep = deepInput;
        foreach (var layer in _deep.Layers) deep = layer.ExportOnnx(export, deep);

        var linear = Lookup(export, _userWeights, spec.UserInput);
        foreach (var (weights, ids) in new[] { (_jobWeights, spec.JobInput), (_locationWeights, spec.LocationInput), (_companyWeights, spec.CompanyInput) })
        {
            var sum = export.Name("linear", "sum");
            graph.AddNode("Add", [linear, Lookup(export, weights, ids)], [sum]);
            linear = sum;
        }
        var (withFm, logit, score) = (export.Name("output", "linear_fm"), export.Name("output", "logit"), export.Name("output", "sigmoid"));
        graph.AddNode("Add", [linear, fm], [withFm])
            .AddNode("Add", [withFm, deep], [logit])
            .AddNode("Sigmoid", [logit], [score])
            .AddNode("Identity", [score], [spec.OutputName])
            .AddOutput(spec.OutputName, null, 1);
        return graph.ToModelBytes();
    }

    private const int SkillField = 2;

    /// <summary>The field layers in stack order: user, job, skills, location, company.</summary>
    private ILayer[] Fields5() => [_users, _jobs, _skills, _locations, _companies];

    private static string Lookup(OnnxExport export, Embedding embedding, string ids)
    {
        var table = export.Name(embedding.Name, "embeddings");
        var output = export.Name(embedding.Name, "output");
        export.Graph
            .AddInitializer(table, embedding.Embeddings.Value.Data, embedding.Vocabulary, embedding.Dimension)
            .AddNode("Gather", [table, ids], [output], OnnxAttribute.Int("axis", 0));
        return output;
    }

    private int CheckInputs(IReadOnlyList<Tensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != InputCount)
            throw new ArgumentException($"ConvFM takes {InputCount} inputs (user, job, location, company, skills), got {inputs.Count}.", nameof(inputs));
        var rows = TensorRows.Count(inputs);
        for (var i = 0; i < SkillsInput; i++)
            if (inputs[i].Rank != 2 || inputs[i].Dim(1) != 1)
                throw new ArgumentException($"Input {i} must be indices [rows, 1], got {inputs[i]}.", nameof(inputs));
        if (inputs[SkillsInput].Rank != 2 || inputs[SkillsInput].Dim(1) != MaxSkills)
            throw new ArgumentException($"The skills must be [rows, {MaxSkills}], got {inputs[SkillsInput]}.", nameof(inputs));
        return rows;
    }

    private static Tensor Column(long[] values) => Matrix(values, values.Length, 1);

    private static Tensor Matrix(long[] values, int rows, int columns)
    {
        var t = Tensor.Zeros(rows, columns);
        for (var i = 0; i < values.Length; i++)
            t.Data[i] = values[i] <= Embedding.MaxVocabulary && values[i] >= 0
                ? values[i]
                : throw new ArgumentOutOfRangeException(nameof(values), values[i], "An index is outside what float-coded ids can hold.");
        return t;
    }
}
