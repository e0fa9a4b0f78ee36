using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;
using iAyos.Messaging.Training.JobBoard.Networks;

namespace iAyos.Messaging.Training.JobBoard.Baselines;

/// <summary>
/// The matrix-factorization baseline, logistic: p = sigmoid(u·v + b_user + b_job + b) from a user factor vector u and a
/// job factor vector v. It takes the same five inputs as the ConvFM network (so one pipeline trains both) and reads only
/// the user and job indices: no content, so a job or user the training part never saw is index 0 and scores by the
/// biases of that row alone.
/// </summary>
/// <remarks>The factors are kernels, so the optimizer's L2 (weight decay) applies to them and not to the biases.</remarks>
public sealed class MatrixFactorizationNetwork : ITrainableNetwork
{
    private readonly Parameter _userFactors, _jobFactors, _userBias, _jobBias, _bias;
    private int[]? _users, _jobs;
    private float[]? _output;

    /// <param name="users">User vocabulary including index 0 (unknown).</param>
    /// <param name="jobs">Job vocabulary including index 0.</param>
    /// <param name="factors">Length of each factor vector.</param>
    public MatrixFactorizationNetwork(int users, int jobs, int factors, Random init)
    {
        ArgumentNullException.ThrowIfNull(init);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(users);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(jobs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factors);
        Users = users;
        Jobs = jobs;
        Factors = factors;
        _userFactors = new Parameter("mf/user_factors", Uniform(init, users, factors), isKernel: true);
        _jobFactors = new Parameter("mf/job_factors", Uniform(init, jobs, factors), isKernel: true);
        _userBias = new Parameter("mf/user_bias", Tensor.Zeros(users, 1), isKernel: false);
        _jobBias = new Parameter("mf/job_bias", Tensor.Zeros(jobs, 1), isKernel: false);
        _bias = new Parameter("mf/bias", Tensor.Zeros(1), isKernel: false);
        Parameters = [_userFactors, _jobFactors, _userBias, _jobBias, _bias];
        Weights = [.. Parameters.Select(p => new NamedTensor(p.Name, p.Value))];
    }

    public int Users { get; }
    public int Jobs { get; }
    public int Factors { get; }
    public IReadOnlyList<Parameter> Parameters { get; }
    public IReadOnlyList<NamedTensor> Weights { get; }

    public void ZeroGrad()
    {
        foreach (var p in Parameters) p.ZeroGrad();
    }

    public Tensor Forward(IReadOnlyList<Tensor> inputs, Random? training)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != ConvFmNetwork.InputCount)
            throw new ArgumentException($"The job recommender's networks take {ConvFmNetwork.InputCount} inputs, got {inputs.Count}.", nameof(inputs));
        var users = Ids(inputs[ConvFmNetwork.UserInput], Users, "user");
        var jobs = Ids(inputs[ConvFmNetwork.JobInput], Jobs, "job");
        var rows = users.Length;
        if (jobs.Length != rows) throw new ArgumentException($"{rows} users and {jobs.Length} jobs.", nameof(inputs));
        var output = Tensor.Zeros(rows, 1);
        var (u, v) = (_userFactors.Value.Data, _jobFactors.Value.Data);
        for (var r = 0; r < rows; r++)
        {
            var dot = MatrixMath.Dot(u.AsSpan(users[r] * Factors, Factors), v.AsSpan(jobs[r] * Factors, Factors));
            output.Data[r] = Activation.Sigmoid(dot + _userBias.Value.Data[users[r]] + _jobBias.Value.Data[jobs[r]] + _bias.Value.Data[0]);
        }
        (_users, _jobs, _output) = (users, jobs, output.Data);
        return output;
    }

    public void Backward(Tensor outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        var (users, jobs, output) = (_users ?? throw new InvalidOperationException("Backward before Forward."), _jobs!, _output!);
        if (outputGradient.Length != users.Length)
            throw new ArgumentException($"The network produced [{users.Length}, 1], got a gradient {outputGradient}.", nameof(outputGradient));
        var (u, v) = (_userFactors.Value.Data, _jobFactors.Value.Data);
        var (gu, gv) = (_userFactors.Grad.Data, _jobFactors.Grad.Data);
        for (var r = 0; r < users.Length; r++)
        {
            var p = output[r];
            var g = outputGradient.Data[r] * p * (1 - p); // through the sigmoid
            var (user, job) = (users[r] * Factors, jobs[r] * Factors);
            MatrixMath.MultiplyAdd(g, v.AsSpan(job, Factors), gu.AsSpan(user, Factors));
            MatrixMath.MultiplyAdd(g, u.AsSpan(user, Factors), gv.AsSpan(job, Factors));
            _userBias.Grad.Data[users[r]] += g;
            _jobBias.Grad.Data[jobs[r]] += g;
            _bias.Grad.Data[0] += g;
        }
    }

    private static int[] Ids(Tensor column, int vocabulary, string what)
    {
        if (column.Rank != 2 || column.Dim(1) != 1)
            throw new ArgumentException($"The {what} input must be indices [rows, 1], got {column}.", nameof(column));
        var ids = new int[column.Dim(0)];
        for (var i = 0; i < ids.Length; i++)
        {
            var id = column.Data[i];
            if (!(id >= 0 && id < vocabulary) || id != MathF.Floor(id))
                throw new ArgumentException($"The {what} index {id} of row {i} is not an integer in [0, {vocabulary}).", nameof(column));
            ids[i] = (int)id;
        }
        return ids;
    }

    private static Tensor Uniform(Random init, int rows, int columns)
    {
        var t = Tensor.Zeros(rows, columns);
        for (var i = 0; i < t.Length; i++) t.Data[i] = (float)((init.NextDouble() * 2 - 1) * 0.05);
        return t;
    }
}
