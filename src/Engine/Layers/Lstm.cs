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
public sealed class Lstm : ILayer
{
    // Blocks of the 4·units gate axis, in Keras' order.
    private const int InputGate = 0, ForgetGate = 1, CellGate = 2, OutputGate = 3;

    // ONNX's LSTM packs the same gates as i, o, f, c: the Keras block that goes in each ONNX block.
    private static readonly int[] OnnxGateOrder = [InputGate, OutputGate, ForgetGate, CellGate];

    private Pass? _pass;

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

        // Time-major copy of the (masked) inputs, so each step's rows of the projection are contiguous.
        var inputs = new float[time * batch * features];
        for (var b = 0; b < batch; b++)
            for (var t = 0; t < time; t++)
            {
                var source = input.Data.AsSpan((b * time + t) * features, features);
                var target = inputs.AsSpan((t * batch + b) * features, features);
                source.CopyTo(target);
                if (inputMask is not null)
                    for (var f = 0; f < features; f++) target[f] *= inputMask[b * features + f];
            }

        // Pre-activations for every step at once: inputs · kernel + bias; the recurrent term is added per step.
        var gates = new float[time * batch * width];
        for (var row = 0; row < time * batch; row++) Bias.Value.Data.CopyTo(gates, row * width);
        MatrixMath.MatMul(inputs, 0, Kernel.Value.Data, 0, gates, 0, time * batch, features, width, accumulate: true);

        var cells = new float[(time + 1) * batch * units]; // slot t holds the cell state entering step t
        var tanhCells = new float[time * batch * units];
        var fedBack = new float[time * batch * units]; // masked hidden state entering step t (zeros at t = 0)
        var hidden = new float[batch * units];
        var output = ReturnSequences ? Tensor.Zeros(batch, time, units) : Tensor.Zeros(batch, units);
        var recurrent = RecurrentKernel.Value.Data;
        for (var t = 0; t < time; t++)
        {
            var stepGates = t * batch * width;
            if (t > 0)
            {
                var state = fedBack.AsSpan(t * batch * units, batch * units);
                hidden.CopyTo(state);
                if (recurrentMask is not null)
                    for (var k = 0; k < state.Length; k++) state[k] *= recurrentMask[k];
                MatrixMath.MatMul(fedBack, t * batch * units, recurrent, 0, gates, stepGates, batch, units, width, accumulate: true);
            }
            for (var b = 0; b < batch; b++)
            {
                var g = stepGates + b * width;
                for (var u = 0; u < units; u++)
                {
                    var i = Sigmoid(gates[g + InputGate * units + u]);
                    var f = Sigmoid(gates[g + ForgetGate * units + u]);
                    var c = MathF.Tanh(gates[g + CellGate * units + u]);
                    var o = Sigmoid(gates[g + OutputGate * units + u]);
                    gates[g + InputGate * units + u] = i;
                    gates[g + ForgetGate * units + u] = f;
                    gates[g + CellGate * units + u] = c;
                    gates[g + OutputGate * units + u] = o;
                    var at = (t * batch + b) * units + u;
                    var cell = f * cells[at] + i * c;
                    cells[at + batch * units] = cell;
                    var tanhCell = MathF.Tanh(cell);
                    tanhCells[at] = tanhCell;
                    var h = o * tanhCell;
                    hidden[b * units + u] = h;
                    if (ReturnSequences) output.Data[(b * time + t) * units + u] = h;
                }
            }
        }
        if (!ReturnSequences) hidden.CopyTo(output.Data, 0);
        _pass = new Pass(batch, time, inputs, gates, cells, tanhCells, fedBack, inputMask, recurrentMask);
        return output;
    }

    /// <summary>Backpropagation through time over the whole sequence of the last forward pass.</summary>
    public Tensor Backward(Tensor outputGradient)
    {
        var pass = _pass ?? throw new InvalidOperationException($"{Name}: Backward before Forward.");
        int batch = pass.Batch, time = pass.Time, units = Units, width = 4 * units, features = Features;
        int[] expected = ReturnSequences ? [batch, time, units] : [batch, units];
        if (!outputGradient.Shape.AsSpan().SequenceEqual(expected))
            throw new ArgumentException($"{Name} expects an output gradient of [{string.Join(", ", expected)}], got {outputGradient}.", nameof(outputGradient));

        var dy = outputGradient.Data;
        var gates = pass.Gates;
        var dGates = new float[time * batch * width]; // gradient of the pre-activations, time-major
        var dHidden = new float[batch * units]; // from step t + 1 back into h_t
        var dCell = new float[batch * units];
        var recurrent = RecurrentKernel.Value.Data;
        for (var t = time - 1; t >= 0; t--)
        {
            for (var b = 0; b < batch; b++)
            {
                var g = (t * batch + b) * width;
                for (var u = 0; u < units; u++)
                {
                    var k = b * units + u;
                    var dh = dHidden[k] + (ReturnSequences ? dy[(b * time + t) * units + u] : t == time - 1 ? dy[k] : 0f);
                    var at = (t * batch + b) * units + u;
                    var i = gates[g + InputGate * units + u];
                    var f = gates[g + ForgetGate * units + u];
                    var c = gates[g + CellGate * units + u];
                    var o = gates[g + OutputGate * units + u];
                    var tanhCell = pass.TanhCells[at];
                    var dc = dCell[k] + dh * o * (1 - tanhCell * tanhCell);
                    dGates[g + InputGate * units + u] = dc * c * i * (1 - i);
                    dGates[g + ForgetGate * units + u] = dc * pass.Cells[at] * f * (1 - f);
                    dGates[g + CellGate * units + u] = dc * i * (1 - c * c);
                    dGates[g + OutputGate * units + u] = dh * tanhCell * o * (1 - o);
                    dCell[k] = dc * f;
                }
            }
            if (t == 0) break;
            MatrixMath.MatMulTransposeB(dGates, t * batch * width, recurrent, 0, dHidden, 0, batch, width, units, accumulate: false);
            if (pass.RecurrentMask is { } mask)
                for (var k = 0; k < dHidden.Length; k++) dHidden[k] *= mask[k];
        }

        // Weight gradients over all steps at once; step 0 saw a zero state, so the recurrent sum starts at step 1.
        MatrixMath.MatMulTransposeA(pass.Inputs, 0, dGates, 0, Kernel.Grad.Data, 0, features, time * batch, width, accumulate: true);
        if (time > 1)
            MatrixMath.MatMulTransposeA(pass.FedBack, batch * units, dGates, batch * width, RecurrentKernel.Grad.Data, 0,
                units, (time - 1) * batch, width, accumulate: true);
        var biasGrad = Bias.Grad.Data;
        for (var row = 0; row < time * batch; row++)
            MatrixMath.MultiplyAdd(1f, dGates.AsSpan(row * width, width), biasGrad);

        var dInputs = new float[time * batch * features];
        MatrixMath.MatMulTransposeB(dGates, 0, Kernel.Value.Data, 0, dInputs, 0, time * batch, width, features, accumulate: false);
        var inputGradient = Tensor.Zeros(batch, time, features);
        for (var b = 0; b < batch; b++)
            for (var t = 0; t < time; t++)
            {
                var source = dInputs.AsSpan((t * batch + b) * features, features);
                var target = inputGradient.Data.AsSpan((b * time + t) * features, features);
                source.CopyTo(target);
                if (pass.InputMask is { } mask)
                    for (var f = 0; f < features; f++) target[f] *= mask[b * features + f];
            }
        return inputGradient;
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

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

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

    /// <summary>What a forward pass leaves for its backward pass (time-major [time, batch, ...] buffers).</summary>
    private sealed record Pass(
        int Batch, int Time, float[] Inputs, float[] Gates, float[] Cells, float[] TanhCells, float[] FedBack,
        float[]? InputMask, float[]? RecurrentMask);
}
