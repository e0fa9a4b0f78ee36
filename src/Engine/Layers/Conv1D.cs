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
    private float[]? _columns; // the last forward's input as columns (see Columns); kept for the next forward of the same size
    private (int Batch, int Time) _columnsShape;
    private float[]? _columnGradient, _transposedKernel; // backward's scratch, kept between calls

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
        // One product over every sample and step: row (b, t) of the columns holds the input steps t − PadBefore ..
        // t − PadBefore + kernelSize − 1 side by side (zeros where they fall in the padding), and the kernel
        // [kernelSize, in, filters] is already the matching [kernelSize·in, filters] matrix.
        var columns = Columns(input, batch, time, outTime);
        MatrixMath.MatMul(columns, 0, Kernel.Value.Data, 0, output.Data, 0, batch * outTime, KernelSize * InChannels, Filters, accumulate: true);
        (_input, _columns) = (input, columns);
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
        int rows = batch * outTime, width = KernelSize * InChannels;
        // dK += columnsᵀ · dY;  dColumns = dY · Kᵀ, then each column block goes back to the input step it came from.
        MatrixMath.MatMulTransposeA(_columns!, 0, g, 0, Kernel.Grad.Data, 0, width, rows, Filters, accumulate: true);
        // dY · Kᵀ as a plain product with the kernel transposed to [filters, kernelSize·in]: the tiled product runs
        // several times faster than one dot per element.
        var k = Kernel.Value.Data;
        var transposed = _transposedKernel ??= new float[k.Length];
        for (var j = 0; j < width; j++)
            for (var f = 0; f < Filters; f++)
                transposed[f * width + j] = k[j * Filters + f];
        var columnGradient = _columnGradient?.Length == rows * width ? _columnGradient : _columnGradient = new float[rows * width];
        MatrixMath.MatMul(g, 0, transposed, 0, columnGradient, 0, rows, Filters, width, accumulate: false);
        var inputGradient = Tensor.ZerosLike(input);
        // Tap by tap within a sample, so each input step sums its taps' gradients in tap order.
        ForEachTap(batch, time, outTime, (inRow, outRow, count, tap) =>
        {
            for (var t = 0; t < count; t++)
                MatrixMath.MultiplyAdd(1f, columnGradient.AsSpan((outRow + t) * width + tap * InChannels, InChannels),
                    inputGradient.Data.AsSpan((inRow + t) * InChannels, InChannels));
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

    /// <summary>[batch · outTime, kernelSize · in]: row (b, t), block j is input step t + j − PadBefore of sample b, or zeros.</summary>
    private float[] Columns(Tensor input, int batch, int time, int outTime)
    {
        var width = KernelSize * InChannels;
        // A buffer of the same input shape from the last forward already has zeros in the same padding cells (only cells of
        // input steps are ever written): reusing it spares a large-object allocation every batch.
        var columns = _columns is not null && _columnsShape == (batch, time) ? _columns : new float[batch * outTime * width];
        _columnsShape = (batch, time);
        ForEachTap(batch, time, outTime, (inRow, outRow, count, tap) =>
        {
            for (var t = 0; t < count; t++)
                Array.Copy(input.Data, (inRow + t) * InChannels, columns, (outRow + t) * width + tap * InChannels, InChannels);
        });
        return columns;
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
