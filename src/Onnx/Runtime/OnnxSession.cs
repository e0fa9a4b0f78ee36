using Microsoft.ML.OnnxRuntime;

namespace iAyos.Messaging.Onnx.Runtime;

/// <summary>
/// A loaded model over the package's <see cref="InferenceSession"/>. One session serves any number of concurrent
/// <see cref="Run(IReadOnlyDictionary{string, OnnxTensor}, IReadOnlyList{string}?)"/> calls; disposing it while
/// runs are in flight is safe (the native session goes when the last run ends; later runs throw
/// <see cref="ObjectDisposedException"/>).
/// </summary>
public sealed class OnnxSession : IDisposable
{
    private readonly InferenceSession _session;
    // Shared by every run: Run only reads it (log level, terminate flag), and one per run cost an allocation
    // and a native create/release for nothing.
    private readonly RunOptions _runOptions;
    private readonly HashSet<string> _inputNames;
    private readonly RunReferences _references;
    // Per output: its dimensions after the first (the batch), when the output is a float tensor whose only
    // unknown dimension is the batch; then a run can hand ONNX Runtime the result arrays to write into.
    private readonly Dictionary<string, long[]> _rowShapes;
    private volatile bool _preallocate = true;

    private OnnxSession(InferenceSession session)
    {
        _session = session;
        try
        {
            _runOptions = new RunOptions();
            _references = new RunReferences(nameof(OnnxSession), () =>
            {
                _runOptions.Dispose();
                _session.Dispose();
            });
            InputNames = session.InputNames.ToArray();
            OutputNames = session.OutputNames.ToArray();
            Inputs = InputNames.Select(n => Describe(n, session.InputMetadata[n])).ToArray();
            Outputs = OutputNames.Select(n => Describe(n, session.OutputMetadata[n])).ToArray();
            _inputNames = new HashSet<string>(InputNames, StringComparer.Ordinal);
            _rowShapes = Outputs
                .Where(o => o.ElementType == TensorElementType.Float && o.Shape.Count >= 1 && o.Shape.Skip(1).All(d => d > 0))
                .ToDictionary(o => o.Name, o => o.Shape.Skip(1).ToArray(), StringComparer.Ordinal);
        }
        catch
        {
            _runOptions?.Dispose();
            session.Dispose();
            throw;
        }
    }

    public IReadOnlyList<OnnxTensorInfo> Inputs { get; }

    public IReadOnlyList<OnnxTensorInfo> Outputs { get; }

    public IReadOnlyList<string> InputNames { get; }

    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Loads an ONNX file. ONNX Runtime's error (e.g. a missing file) comes back as an <see cref="OnnxRuntimeException"/>.</summary>
    public static OnnxSession FromFile(string modelPath, OnnxSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var fullPath = Path.GetFullPath(modelPath);
        return Create(native => new InferenceSession(fullPath, native), options);
    }

    /// <summary>Loads a model from its serialized bytes (ONNX Runtime does not keep the buffer).</summary>
    public static OnnxSession FromBytes(ReadOnlySpan<byte> model, OnnxSessionOptions? options = null)
    {
        if (model.IsEmpty) throw new ArgumentException("The model is empty.", nameof(model));
        var bytes = model.ToArray();
        return Create(native => new InferenceSession(bytes, native), options);
    }

    /// <summary>Runs a model that has one input.</summary>
    public IReadOnlyList<OnnxTensor> Run(string inputName, OnnxTensor input, IReadOnlyList<string>? outputNames = null) =>
        Run(new Dictionary<string, OnnxTensor>(1) { [inputName] = input }, outputNames);

    /// <summary>
    /// Runs the model on float and int64 inputs and returns the requested outputs (all of them by default), in the
    /// order asked for. Input arrays are used in place, pinned for the duration of the call. ONNX Runtime's errors
    /// (an unknown input name, a shape the model does not accept) come back as <see cref="OnnxRuntimeException"/>.
    /// </summary>
    public IReadOnlyList<OnnxTensor> Run(IReadOnlyDictionary<string, OnnxTensor> inputs, IReadOnlyList<string>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        outputNames ??= OutputNames;
        if (outputNames.Count == 0) throw new ArgumentException("Ask for at least one output.", nameof(outputNames));
        RequireEveryInput(inputs);

        _references.Acquire(); // ObjectDisposedException once disposed
        try
        {
            return RunCore(inputs, outputNames);
        }
        catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException e)
        {
            throw OnnxRuntimeException.From(e);
        }
        finally
        {
            _references.Release();
        }
    }

    public void Dispose() => _references.Dispose();

    private static OnnxSession Create(Func<SessionOptions, InferenceSession> load, OnnxSessionOptions? options)
    {
        try
        {
            using var native = (options ?? OnnxSessionOptions.Default).CreateNative();
            return new OnnxSession(load(native));
        }
        catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException e)
        {
            throw OnnxRuntimeException.From(e);
        }
    }

    /// <summary>
    /// ONNX Runtime checks input names but would only notice a missing input inside the kernel that reads it.
    /// With an unknown name among the inputs, ONNX Runtime's own error (which names it) is the better one.
    /// </summary>
    private void RequireEveryInput(IReadOnlyDictionary<string, OnnxTensor> inputs)
    {
        var known = inputs.Keys.Count(_inputNames.Contains);
        if (known < inputs.Count || known == InputNames.Count) return;
        var missing = InputNames.Where(name => !inputs.ContainsKey(name));
        throw new ArgumentException(
            $"Model input(s) {string.Join(", ", missing.Select(n => $"'{n}'"))} missing; the model takes {string.Join(", ", Inputs)}.", nameof(inputs));
    }

    private OnnxTensor[] RunCore(IReadOnlyDictionary<string, OnnxTensor> inputs, IReadOnlyList<string> outputNames)
    {
        var names = new string[inputs.Count];
        var values = new OrtValue[inputs.Count];
        try
        {
            var i = 0;
            long batch = -1;
            foreach (var (name, tensor) in inputs)
            {
                if (tensor is null) throw new ArgumentException($"Input '{name}' is null.", nameof(inputs));
                names[i] = name;
                values[i++] = tensor.ToOrtValue();
                if (batch < 0 && tensor.Shape.Length > 0) batch = tensor.Shape[0];
            }
            if (_preallocate && batch >= 0 && outputNames.All(_rowShapes.ContainsKey))
            {
                try
                {
                    return RunInto(names, values, outputNames, batch);
                }
                catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
                {
                    // The model's outputs are not [batch, ...] after all (say it reshapes the batch away): let ONNX
                    // Runtime allocate them from now on. A genuinely bad input fails again below, with ORT's text.
                    _preallocate = false;
                }
            }
            // Outputs are allocated by ONNX Runtime once per run and copied once into the result's array.
            using var outputs = _session.Run(_runOptions, names, values, outputNames);
            var results = new OnnxTensor[outputs.Count];
            var o = 0;
            foreach (var output in outputs)
            {
                results[o] = Read(output, outputNames[o]);
                o++;
            }
            return results;
        }
        finally
        {
            foreach (var value in values) value?.Dispose();
        }
    }

    /// <summary>ONNX Runtime writes each output straight into the array returned: no native allocation, no copy
    /// (one row of the price LSTM: 14.3 us with ORT-allocated outputs, 13.75 us so, 13.0 us through our old binding).</summary>
    private OnnxTensor[] RunInto(string[] names, OrtValue[] values, IReadOnlyList<string> outputNames, long batch)
    {
        var results = new OnnxTensor[outputNames.Count];
        var outputValues = new OrtValue[outputNames.Count];
        try
        {
            for (var o = 0; o < results.Length; o++)
            {
                var rowShape = _rowShapes[outputNames[o]];
                var shape = new long[rowShape.Length + 1];
                shape[0] = batch;
                rowShape.CopyTo(shape, 1);
                long count = batch;
                foreach (var d in rowShape) count *= d;
                var data = new float[checked((int)count)];
                results[o] = new OnnxTensor(data, shape);
                outputValues[o] = OrtValue.CreateTensorValueFromMemory(data, shape);
            }
            _session.Run(_runOptions, names, values, outputNames, outputValues);
            return results;
        }
        finally
        {
            foreach (var value in outputValues) value?.Dispose();
        }
    }

    private static OnnxTensor Read(OrtValue value, string name)
    {
        // Not asking IsTensor first: one native call less per output; a non-tensor fails here with ORT's text.
        var info = value.GetTensorTypeAndShape();
        return info.ElementDataType switch
        {
            Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float => new OnnxTensor(value.GetTensorDataAsSpan<float>().ToArray(), info.Shape),
            Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int64 => OnnxTensor.Int64(value.GetTensorDataAsSpan<long>().ToArray(), info.Shape),
            var other => throw new NotSupportedException($"Output '{name}' holds {other} values; float and int64 tensors are read."),
        };
    }

    private static OnnxTensorInfo Describe(string name, NodeMetadata metadata) =>
        metadata.IsTensor
            ? new OnnxTensorInfo(name, (TensorElementType)(int)metadata.ElementDataType, metadata.Dimensions.Select(d => (long)d).ToArray())
            : new OnnxTensorInfo(name, TensorElementType.Undefined, []);
}
