using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Engine.Layers;

/// <summary>
/// Keras' LSTM: [batch, time, features] -> [batch, time, units] with <see cref="ReturnSequences"/>, otherwise the
/// last hidden state [batch, units]. Zero initial state, tanh cell activation, sigmoid (not hard sigmoid)
/// recurrent activation. Weights in Keras' layout and gate order i, f, c, o: kernel [features, 4·units],
/// recurrent kernel [units, 4·units], bias [4·units] with the forget block starting at 1 (unit_forget_bias).
/// While training, <see cref="Dropout"/> masks the inputs and <see cref="RecurrentDropout"/> the hidden state fed
/// back, each with one inverted-dropout mask per forward pass shared by every time step (as Keras does).
/// </summary>
public sealed class Lstm : ILayer, IParameterGradientsOnly
{
    // Blocks of the 4·units gate axis, in Keras' order.
    private const int InputGate = 0, ForgetGate = 1, CellGate = 2, OutputGate = 3;

    // ONNX's LSTM packs the same gates as i, o, f, c: the Keras block that goes in each ONNX block.
    private static readonly int[] OnnxGateOrder = [InputGate, OutputGate, ForgetGate, CellGate];

    private Pass? _pass;
    private Buffers? _buffers;

    public Lstm(string name, int features, int units, Random init, bool returnSequences = false, double dropout = 0, double recurrentDropout = 0)
    {
        if (features <= 0 || units <= 0) throw new ArgumentOutOfRangeException(nameof(units), "LSTM needs positive feature and unit counts.");
        if (dropout is < 0 or >= 1 || double.IsNaN(dropout)) throw new ArgumentOutOfRangeException(nameof(dropout), "Dropout must be in [0, 1).");
        if (recurrentDropout is < 0 or >= 1 || double.IsNaN(recurrentDropout))
            throw new ArgumentOutOfRangeException(nameof(recurrentDropout), "Recurrent dropout must be in [0, 1).");
        Name = name;
        Features = features;
        Units = units;
        ReturnSequences = returnSequences;
        Dropout = dropout;
        RecurrentDropout = recurrentDropout;
        var width = 4 * units;
        // L2 goes where Keras' kernel_regularizer goes: the input kernel only. The recurrent kernel has its own
        // recurrent_regularizer in Keras (off by default), so it is not a kernel here.
        Kernel = new Parameter($"{name}/kernel", Initializers.GlorotUniform(init, features, width, features, width), isKernel: true);
        RecurrentKernel = new Parameter($"{name}/recurrent_kernel", Initializers.Orthogonal(init, units, width), isKernel: false);
        Bias = new Parameter($"{name}/bias", Tensor.Zeros(width), isKernel: false);
        Bias.Value.Span.Slice(ForgetGate * units, units).Fill(1f);
        Parameters = [Kernel, RecurrentKernel, Bias];
    }

    public string Name { get; }
    public int Features { get; }
    public int Units { get; }
    public bool ReturnSequences { get; }
    public double Dropout { get; }
    public double RecurrentDropout { get; }
    public Parameter Kernel { get; }
    public Parameter RecurrentKernel { get; }
    public Parameter Bias { get; }
    public IReadOnlyList<Parameter> Parameters { get; }

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank != 3 || input.Dim(2) != Features || input.Dim(1) < 1)
            throw new ArgumentException($"{Name} expects [batch, time >= 1, {Features}], got {input}.", nameof(input));
        int batch = input.Dim(0), time = input.Dim(1), units = Units, width = 4 * units, features = Features;
        // Input mask first, then the recurrent one: the order a seed replays.
        var inputMask = training is not null && Dropout > 0 ? Mask(training, batch * features, Dropout) : null;
        var recurrentMask = training is not null && RecurrentDropout > 0 ? Mask(training, batch * units, RecurrentDropout) : null;
        // Training passes reuse the layer's buffers; inference passes take their own, so that inference calls on one
        // layer from several threads stay independent of each other.
        var buffers = training is null ? Buffers.For(null, batch, time, features, units) : _buffers = Buffers.For(_buffers, batch, time, features, units);

        // Time-major copy of the (masked) inputs, so each step's rows of the projection are contiguous.
        var inputs = buffers.Inputs;
        for (var b = 0; b < batch; b++)
            for (var t = 0; t < time; t++)
            {
                var source = input.Data.AsSpan((b * time + t) * features, features);
                var target = inputs.AsSpan((t * batch + b) * features, features);
                if (inputMask is null) source.CopyTo(target);
                else Multiply(source, inputMask.AsSpan(b * features, features), target);
            }

        // Pre-activations for every step at once: inputs · kernel + bias; the recurrent term is added per step.
        var gates = buffers.Gates;
        for (var row = 0; row < time * batch; row++) Bias.Value.Data.CopyTo(gates, row * width);
        MatrixMath.MatMul(inputs, 0, Kernel.Value.Data, 0, gates, 0, time * batch, features, width, accumulate: true);

        var cells = buffers.Cells; // slot t holds the cell state entering step t
        Array.Clear(cells, 0, batch * units);
        var tanhCells = buffers.TanhCells;
        var fedBack = buffers.FedBack; // masked hidden state entering step t (zeros at t = 0)
        var hidden = buffers.Hidden;
        var output = ReturnSequences ? Tensor.Zeros(batch, time, units) : Tensor.Zeros(batch, units);
        var recurrent = RecurrentKernel.Value.Data;
        for (var t = 0; t < time; t++)
        {
            var stepGates = t * batch * width;
            if (t > 0)
            {
                var state = fedBack.AsSpan(t * batch * units, batch * units);
                if (recurrentMask is null) hidden.CopyTo(state);
                else Multiply(hidden, recurrentMask, state);
                MatrixMath.MatMul(fedBack, t * batch * units, recurrent, 0, gates, stepGates, batch, units, width, accumulate: true);
            }
            for (var b = 0; b < batch; b++)
            {
                var at = (t * batch + b) * units;
                var h = hidden.AsSpan(b * units, units);
                LstmCell.Forward(gates.AsSpan(stepGates + b * width, width), cells.AsSpan(at, units), cells.AsSpan(at + batch * units, units),
                    tanhCells.AsSpan(at, units), h);
                if (ReturnSequences) h.CopyTo(output.Data.AsSpan((b * time + t) * units, units));
            }
        }
        if (!ReturnSequences) hidden.CopyTo(output.Data, 0);
        _pass = new Pass(batch, time, buffers, inputMask, recurrentMask);
        return output;
    }

    /// <summary>Backpropagation through time over the whole sequence of the last forward pass.</summary>
    public Tensor Backward(Tensor outputGradient) => Backward(outputGradient, inputGradient: true)!;

    /// <summary>As <see cref="Backward(Tensor)"/> without the input gradient (a network's first layer while training).</summary>
    public void BackwardParameters(Tensor outputGradient) => Backward(outputGradient, inputGradient: false);

    private Tensor? Backward(Tensor outputGradient, bool inputGradient)
    {
        var pass = _pass ?? throw new InvalidOperationException($"{Name}: Backward before Forward.");
        int batch = pass.Batch, time = pass.Time, units = Units, width = 4 * units, features = Features;
        int[] expected = ReturnSequences ? [batch, time, units] : [batch, units];
        if (!outputGradient.Shape.AsSpan().SequenceEqual(expected))
            throw new ArgumentException($"{Name} expects an output gradient of [{string.Join(", ", expected)}], got {outputGradient}.", nameof(outputGradient));

        var buffers = pass.Buffers;
        var dy = outputGradient.Data;
        var gates = buffers.Gates;
        var dGates = buffers.GateGradients; // gradient of the pre-activations, time-major
        var dHidden = buffers.HiddenGradient; // from step t + 1 back into h_t, plus dy at step t
        var dCell = buffers.CellGradient;
        Array.Clear(dHidden);
        Array.Clear(dCell);
        var recurrent = RecurrentKernel.Value.Data;
        for (var t = time - 1; t >= 0; t--)
        {
            if (ReturnSequences)
                for (var b = 0; b < batch; b++)
                    MatrixMath.MultiplyAdd(1f, dy.AsSpan((b * time + t) * units, units), dHidden.AsSpan(b * units, units));
            else if (t == time - 1)
                MatrixMath.MultiplyAdd(1f, dy.AsSpan(0, batch * units), dHidden);
            for (var b = 0; b < batch; b++)
            {
                var at = (t * batch + b) * units;
                var g = (t * batch + b) * width;
                LstmCell.Backward(gates.AsSpan(g, width), buffers.Cells.AsSpan(at, units), buffers.TanhCells.AsSpan(at, units),
                    dHidden.AsSpan(b * units, units), dCell.AsSpan(b * units, units), dGates.AsSpan(g, width));
            }
            if (t == 0) break;
            MatrixMath.MatMulTransposeB(dGates, t * batch * width, recurrent, 0, dHidden, 0, batch, width, units, accumulate: false);
            if (pass.RecurrentMask is { } mask)
                for (var k = 0; k < dHidden.Length; k++) dHidden[k] *= mask[k];
        }

        // Weight gradients over all steps at once; step 0 saw a zero state, so the recurrent sum starts at step 1.
        MatrixMath.MatMulTransposeA(buffers.Inputs, 0, dGates, 0, Kernel.Grad.Data, 0, features, time * batch, width, accumulate: true);
        if (time > 1)
            MatrixMath.MatMulTransposeA(buffers.FedBack, batch * units, dGates, batch * width, RecurrentKernel.Grad.Data, 0,
                units, (time - 1) * batch, width, accumulate: true);
        var biasGrad = Bias.Grad.Data;
        for (var row = 0; row < time * batch; row++)
            MatrixMath.MultiplyAdd(1f, dGates.AsSpan(row * width, width), biasGrad);
        if (!inputGradient) return null;

        var dInputs = buffers.InputGradients;
        MatrixMath.MatMulTransposeB(dGates, 0, Kernel.Value.Data, 0, dInputs, 0, time * batch, width, features, accumulate: false);
        var result = Tensor.Zeros(batch, time, features);
        for (var b = 0; b < batch; b++)
            for (var t = 0; t < time; t++)
            {
                var source = dInputs.AsSpan((t * batch + b) * features, features);
                var target = result.Data.AsSpan((b * time + t) * features, features);
                if (pass.InputMask is { } mask) Multiply(source, mask.AsSpan(b * features, features), target);
                else source.CopyTo(target);
            }
        return result;
    }

    /// <summary>
    /// ONNX's LSTM operator reads [seq, batch, input] and packs gates i, o, f, c with W [1, 4h, input], R [1, 4h, h],
    /// B [1, 8h] (input then recurrent biases): the batch-first input is transposed in, Keras' blocks re-ordered
    /// and transposed, and the output brought back to batch-first. Nothing depends on batch or sequence length.
    /// </summary>
    public string ExportOnnx(OnnxExport export, string input)
    {
        int units = Units, features = Features;
        var timeMajor = export.Name(Name, "time_major_input");
        var w = export.Name(Name, "W");
        var r = export.Name(Name, "R");
        var b = export.Name(Name, "B");
        var graph = export.Graph
            .AddNode("Transpose", [input], [timeMajor], OnnxAttribute.Ints("perm", 1, 0, 2))
            .AddInitializer(w, ToOnnxGateRows(Kernel.Value.Data, features, units), 1, 4 * units, features)
            .AddInitializer(r, ToOnnxGateRows(RecurrentKernel.Value.Data, units, units), 1, 4 * units, units)
            .AddInitializer(b, ToOnnxBias(Bias.Value.Data, units), 1, 8 * units);
        var axes = export.Name(Name, "squeeze_axes");
        var output = export.Name(Name, "output");
        var hiddenSize = OnnxAttribute.Int("hidden_size", units); // default activations: sigmoid, tanh, tanh
        if (ReturnSequences)
        {
            // Y is [seq, directions 1, batch, units] -> [batch, seq, 1, units] -> [batch, seq, units].
            var sequence = export.Name(Name, "Y");
            var batchMajor = export.Name(Name, "Y_batch_major");
            graph.AddInitializer(axes, new long[] { 2 }, 1)
                .AddNode("LSTM", [timeMajor, w, r, b], [sequence], hiddenSize)
                .AddNode("Transpose", [sequence], [batchMajor], OnnxAttribute.Ints("perm", 2, 0, 1, 3))
                .AddNode("Squeeze", [batchMajor, axes], [output]);
        }
        else
        {
            // Y_h is [directions 1, batch, units] -> [batch, units].
            var last = export.Name(Name, "Y_h");
            graph.AddInitializer(axes, new long[] { 0 }, 1)
                .AddNode("LSTM", [timeMajor, w, r, b], ["", last], hiddenSize)
                .AddNode("Squeeze", [last, axes], [output]);
        }
        return output;
    }

    /// <summary>z = x · y element by element.</summary>
    private static void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z)
    {
        for (var k = 0; k < x.Length; k++) z[k] = x[k] * y[k];
    }

    /// <summary>Inverted dropout: 0 with probability <paramref name="rate"/>, else 1 / (1 - rate).</summary>
    private static float[] Mask(Random random, int count, double rate)
    {
        var keep = (float)(1 / (1 - rate));
        var mask = new float[count];
        for (var k = 0; k < count; k++) mask[k] = random.NextDouble() < rate ? 0f : keep;
        return mask;
    }

    /// <summary>Keras [rows, 4·units] (gates i, f, c, o along columns) -> ONNX [4·units, rows] (gates i, o, f, c).</summary>
    private static float[] ToOnnxGateRows(float[] keras, int rows, int units)
    {
        var width = 4 * units;
        var onnx = new float[width * rows];
        for (var onnxGate = 0; onnxGate < 4; onnxGate++)
        {
            var kerasGate = OnnxGateOrder[onnxGate];
            for (var u = 0; u < units; u++)
                for (var row = 0; row < rows; row++)
                    onnx[(onnxGate * units + u) * rows + row] = keras[row * width + kerasGate * units + u];
        }
        return onnx;
    }

    /// <summary>Keras' single bias as ONNX's input bias (re-ordered), zeros as the recurrent bias.</summary>
    private static float[] ToOnnxBias(float[] keras, int units)
    {
        var onnx = new float[8 * units];
        for (var onnxGate = 0; onnxGate < 4; onnxGate++)
            keras.AsSpan(OnnxGateOrder[onnxGate] * units, units).CopyTo(onnx.AsSpan(onnxGate * units, units));
        return onnx;
    }

    /// <summary>What a forward pass leaves for its backward pass.</summary>
    private sealed record Pass(int Batch, int Time, Buffers Buffers, float[]? InputMask, float[]? RecurrentMask);

    /// <summary>
    /// The working arrays of a forward and backward pass (time-major [time, batch, ...]), kept from one training batch
    /// to the next while its shape stays the same: at the trust network's widths they are large-object-heap sized, and fresh
    /// ones every batch cost full garbage collections. Nothing outside the layer sees them.
    /// </summary>
    private sealed class Buffers
    {
        private Buffers(int batch, int time, int features, int units)
        {
            (Batch, Time, Features, Units) = (batch, time, features, units);
            var rows = time * batch;
            Inputs = new float[rows * features];
            Gates = new float[rows * 4 * units];
            Cells = new float[(time + 1) * batch * units];
            TanhCells = new float[rows * units];
            FedBack = new float[rows * units];
            Hidden = new float[batch * units];
            GateGradients = new float[rows * 4 * units];
            HiddenGradient = new float[batch * units];
            CellGradient = new float[batch * units];
            InputGradients = new float[rows * features];
        }

        public int Batch { get; }
        public int Time { get; }
        public int Features { get; }
        public int Units { get; }
        public float[] Inputs { get; }
        public float[] Gates { get; }
        public float[] Cells { get; }
        public float[] TanhCells { get; }
        public float[] FedBack { get; }
        public float[] Hidden { get; }
        public float[] GateGradients { get; }
        public float[] HiddenGradient { get; }
        public float[] CellGradient { get; }
        public float[] InputGradients { get; }

        /// <summary><paramref name="current"/> if it has this shape, otherwise new buffers.</summary>
        public static Buffers For(Buffers? current, int batch, int time, int features, int units) =>
            current is not null && current.Batch == batch && current.Time == time && current.Features == features && current.Units == units
                ? current
                : new Buffers(batch, time, features, units);
    }
}
