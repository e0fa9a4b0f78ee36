using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Engine.Layers;

/// <summary>Keras' Conv1D padding: 'valid' (no padding, time shrinks by kernelSize − 1) or 'same' (time kept).</summary>
public enum Conv1DPadding
{
    Valid,
    Same,
}

/// <summary>
/// Keras' <c>Conv1D</c> with stride 1 and dilation 1 (the only ones supported): [batch, time, channels] ->
/// [batch, time', filters]. The kernel is [kernelSize, inChannels, filters] as in Keras, Glorot-uniform with
/// Keras' fans (kernelSize·in, kernelSize·filters); the bias starts at zero. 'same' pads (kernelSize − 1) / 2
/// steps before and the rest after, as TensorFlow does.
/// </summary>
public sealed class Conv1D : ILayer
{
    private Tensor? _input;

    public Conv1D(string name, int inChannels, int filters, int kernelSize, Conv1DPadding padding, Random init)
    {
        if (inChannels <= 0 || filters <= 0 || kernelSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(kernelSize), "Conv1D needs positive channel, filter and kernel sizes.");
        if (!Enum.IsDefined(padding)) throw new ArgumentOutOfRangeException(nameof(padding), padding, "Unknown padding.");
        Name = name;
        InChannels = inChannels;
        Filters = filters;
        KernelSize = kernelSize;
        Padding = padding;
        PadBefore = padding == Conv1DPadding.Same ? (kernelSize - 1) / 2 : 0;
        PadAfter = padding == Conv1DPadding.Same ? kernelSize - 1 - PadBefore : 0;
        Kernel = new Parameter($"{name}/kernel",
            Initializers.GlorotUniform(init, kernelSize * inChannels, kernelSize * filters, kernelSize, inChannels, filters), isKernel: true);
        Bias = new Parameter($"{name}/bias", Tensor.Zeros(filters), isKernel: false);
        Parameters = [Kernel, Bias];
    }

    public string Name { get; }
    public int InChannels { get; }
    public int Filters { get; }
    public int KernelSize { get; }
    public Conv1DPadding Padding { get; }
    public int PadBefore { get; }
    public int PadAfter { get; }

    /// <summary>[kernelSize, inChannels, filters].</summary>
    public Parameter Kernel { get; }

    public Parameter Bias { get; }
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Output steps for an input of <paramref name="time"/> steps.</summary>
    public int OutputLength(int time) => time + PadBefore + PadAfter - KernelSize + 1;

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank != 3 || input.Dim(2) != InChannels)
            throw new ArgumentException($"{Name} expects [batch, time, {InChannels}], got {input}.", nameof(input));
        int batch = input.Dim(0), time = input.Dim(1), outTime = OutputLength(time);
        if (outTime < 1)
            throw new ArgumentException($"{Name}: {time} steps are fewer than the kernel's {KernelSize} with 'valid' padding, got {input}.", nameof(input));
        var output = Tensor.Zeros(batch, outTime, Filters);
        for (var r = 0; r < batch * outTime; r++)
            Bias.Value.Data.CopyTo(output.Data, r * Filters);
        // Tap j reads input step t + j − PadBefore for output step t: one matrix product per (sample, tap) over
        // the run of output steps whose input step lies inside the sequence (padding contributes zeros).
        ForEachTap(batch, time, outTime, (inRow, outRow, count, tap) =>
            MatrixMath.MatMul(input.Data, inRow * InChannels, Kernel.Value.Data, tap * InChannels * Filters,
                output.Data, outRow * Filters, count, InChannels, Filters, accumulate: true));
        _input = input;
        return output;
    }

    public Tensor Backward(Tensor outputGradient)
    {
        var input = _input ?? throw new InvalidOperationException($"{Name}: Backward before Forward.");
        int batch = input.Dim(0), time = input.Dim(1), outTime = OutputLength(time);
        if (outputGradient.Rank != 3 || outputGradient.Dim(0) != batch || outputGradient.Dim(1) != outTime || outputGradient.Dim(2) != Filters)
            throw new ArgumentException($"{Name} produced [{batch}, {outTime}, {Filters}], got a gradient {outputGradient}.", nameof(outputGradient));
        var g = outputGradient.Data;
        var biasGrad = Bias.Grad.Data;
        for (var r = 0; r < batch * outTime; r++)
            MatrixMath.MultiplyAdd(1f, g.AsSpan(r * Filters, Filters), biasGrad);
        var inputGradient = Tensor.ZerosLike(input);
        ForEachTap(batch, time, outTime, (inRow, outRow, count, tap) =>
        {
            // dK[tap] += X[rows]ᵀ · dY[rows];  dX[rows] += dY[rows] · K[tap]ᵀ.
            MatrixMath.MatMulTransposeA(input.Data, inRow * InChannels, g, outRow * Filters,
                Kernel.Grad.Data, tap * InChannels * Filters, InChannels, count, Filters, accumulate: true);
            MatrixMath.MatMulTransposeB(g, outRow * Filters, Kernel.Value.Data, tap * InChannels * Filters,
                inputGradient.Data, inRow * InChannels, count, Filters, InChannels, accumulate: true);
        });
        return inputGradient;
    }

    public string ExportOnnx(OnnxExport export, string input)
    {
        // ONNX's Conv is channels-first with weights [filters, inChannels, kernelSize].
        var weights = new float[Kernel.Value.Length];
        var k = Kernel.Value.Data;
        for (var j = 0; j < KernelSize; j++)
            for (var c = 0; c < InChannels; c++)
                for (var f = 0; f < Filters; f++)
                    weights[(f * InChannels + c) * KernelSize + j] = k[(j * InChannels + c) * Filters + f];
        var weightName = export.Name(Name, "kernel");
        var biasName = export.Name(Name, "bias");
        var channelsFirst = export.Name(Name, "channels_first");
        var convolved = export.Name(Name, "conv");
        var output = export.Name(Name, "output");
        export.Graph
            .AddInitializer(weightName, weights, Filters, InChannels, KernelSize)
            .AddInitializer(biasName, Bias.Value.Data, Filters)
            .AddNode("Transpose", [input], [channelsFirst], OnnxAttribute.Ints("perm", 0, 2, 1))
            .AddNode("Conv", [channelsFirst, weightName, biasName], [convolved],
                OnnxAttribute.Ints("kernel_shape", KernelSize),
                OnnxAttribute.Ints("pads", PadBefore, PadAfter),
                OnnxAttribute.Ints("strides", 1),
                OnnxAttribute.Ints("dilations", 1))
            .AddNode("Transpose", [convolved], [output], OnnxAttribute.Ints("perm", 0, 2, 1));
        return output;
    }

    /// <summary>For each sample and tap, the first input row, first output row and number of rows it pairs.</summary>
    private void ForEachTap(int batch, int time, int outTime, Action<int, int, int, int> run)
    {
        for (var b = 0; b < batch; b++)
            for (var tap = 0; tap < KernelSize; tap++)
            {
                var shift = tap - PadBefore; // input step = output step + shift
                var first = Math.Max(0, -shift);
                var last = Math.Min(outTime, time - shift); // exclusive
                if (last <= first) continue;
                run(b * time + first + shift, b * outTime + first, last - first, tap);
            }
    }
}
