using System.Runtime.InteropServices;

namespace iAyos.Messaging.Onnx.Bench.Binding;

/// <summary>
/// A loaded model. One session serves any number of concurrent <see cref="Run(IReadOnlyDictionary{string, OnnxTensor}, IReadOnlyList{string}?)"/>
/// calls; disposing it while runs are in flight is safe (the native session goes when the last run ends).
/// </summary>
public sealed unsafe class OnnxSession : IDisposable
{
    private readonly OrtApi _api;
    private readonly SessionHandle _handle;
    private readonly Dictionary<string, int> _inputIndex;
    private readonly Dictionary<string, int> _outputIndex;

    private OnnxSession(OrtApi api, SessionHandle handle)
    {
        _api = api;
        _handle = handle;
        try
        {
            var session = handle.DangerousGetHandle();
            Inputs = Enumerable.Range(0, api.SessionGetInputCount(session)).Select(i => Describe(i, input: true)).ToArray();
            Outputs = Enumerable.Range(0, api.SessionGetOutputCount(session)).Select(i => Describe(i, input: false)).ToArray();
            InputNames = Inputs.Select(i => i.Name).ToArray();
            OutputNames = Outputs.Select(o => o.Name).ToArray();
            _inputIndex = Index(InputNames);
            _outputIndex = Index(OutputNames);
            handle.Attach(InputNames, OutputNames);
        }
        catch
        {
            handle.Dispose();
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
        var environment = OnnxEnvironment.Shared;
        var api = environment.Api;
        SessionHandle handle;
        using (var nativeOptions = (options ?? OnnxSessionOptions.Default).CreateNative(api))
            handle = new SessionHandle(api, api.CreateSession(environment.Handle.DangerousGetHandle(), fullPath, nativeOptions.DangerousGetHandle()));
        return new OnnxSession(api, handle);
    }

    /// <summary>Loads a model from its serialized bytes (ONNX Runtime does not keep the buffer).</summary>
    public static OnnxSession FromBytes(ReadOnlySpan<byte> model, OnnxSessionOptions? options = null)
    {
        if (model.IsEmpty) throw new ArgumentException("The model is empty.", nameof(model));
        var environment = OnnxEnvironment.Shared;
        var api = environment.Api;
        SessionHandle handle;
        using (var nativeOptions = (options ?? OnnxSessionOptions.Default).CreateNative(api))
            handle = new SessionHandle(api, api.CreateSessionFromArray(environment.Handle.DangerousGetHandle(), model, nativeOptions.DangerousGetHandle()));
        return new OnnxSession(api, handle);
    }

    /// <summary>Runs a model that has one input.</summary>
    public IReadOnlyList<OnnxTensor> Run(string inputName, OnnxTensor input, IReadOnlyList<string>? outputNames = null) =>
        Run(new Dictionary<string, OnnxTensor>(1) { [inputName] = input }, outputNames);

    /// <summary>
    /// Runs the model on float inputs and returns the requested outputs (all of them by default), in the order
    /// asked for. Input arrays are used in place, pinned for the duration of the call. ONNX Runtime's errors (an
    /// unknown input name, a shape the model does not accept) come back as <see cref="OnnxRuntimeException"/>.
    /// </summary>
    public IReadOnlyList<OnnxTensor> Run(IReadOnlyDictionary<string, OnnxTensor> inputs, IReadOnlyList<string>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        outputNames ??= OutputNames;
        if (outputNames.Count == 0) throw new ArgumentException("Ask for at least one output.", nameof(outputNames));
        RequireEveryInput(inputs);

        var added = false;
        try
        {
            _handle.DangerousAddRef(ref added); // ObjectDisposedException once disposed
            return RunCore(inputs, outputNames);
        }
        finally
        {
            if (added) _handle.DangerousRelease();
        }
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>
    /// ONNX Runtime checks input names but would only notice a missing input inside the kernel that reads it.
    /// With an unknown name among the inputs, ONNX Runtime's own error (which names it) is the better one.
    /// </summary>
    private void RequireEveryInput(IReadOnlyDictionary<string, OnnxTensor> inputs)
    {
        var known = inputs.Keys.Count(_inputIndex.ContainsKey);
        if (known < inputs.Count || known == InputNames.Count) return;
        var missing = InputNames.Where(name => !inputs.ContainsKey(name));
        throw new ArgumentException(
            $"Model input(s) {string.Join(", ", missing.Select(n => $"'{n}'"))} missing; the model takes {string.Join(", ", Inputs)}.", nameof(inputs));
    }

    private OnnxTensor[] RunCore(IReadOnlyDictionary<string, OnnxTensor> inputs, IReadOnlyList<string> outputNames)
    {
        var inputNames = new IntPtr[inputs.Count];
        var inputValues = new IntPtr[inputs.Count];
        var pins = new GCHandle[inputs.Count];
        var outputNamePointers = new IntPtr[outputNames.Count];
        var outputValues = new IntPtr[outputNames.Count];
        List<IntPtr>? unknownNames = null; // names the model lacks, marshalled so that ONNX Runtime names them in its error
        try
        {
            var i = 0;
            foreach (var (name, tensor) in inputs)
            {
                if (tensor is null) throw new ArgumentException($"Input '{name}' is null.", nameof(inputs));
                inputNames[i] = _inputIndex.TryGetValue(name, out var k) ? _handle.InputName(k) : NativeCopy(name, ref unknownNames);
                pins[i] = GCHandle.Alloc(tensor.Data, GCHandleType.Pinned);
                fixed (long* shape = tensor.Shape)
                    inputValues[i] = _api.CreateTensorWithDataAsOrtValue(_handle.MemoryInfo, (void*)pins[i].AddrOfPinnedObject(),
                        (nuint)tensor.Data.Length * sizeof(float), shape, (nuint)tensor.Shape.Length, TensorElementType.Float);
                i++;
            }
            for (var o = 0; o < outputNames.Count; o++)
                outputNamePointers[o] = _outputIndex.TryGetValue(outputNames[o], out var k) ? _handle.OutputName(k) : NativeCopy(outputNames[o], ref unknownNames);

            fixed (IntPtr* inNames = inputNames, inValues = inputValues, outNames = outputNamePointers, outValues = outputValues)
                _api.Run(_handle.DangerousGetHandle(), inNames, inValues, (nuint)inputNames.Length, outNames, (nuint)outputNamePointers.Length, outValues);

            var results = new OnnxTensor[outputValues.Length];
            for (var o = 0; o < results.Length; o++) results[o] = ReadOutput(outputValues[o], outputNames[o]);
            return results;
        }
        finally
        {
            foreach (var value in outputValues) if (value != IntPtr.Zero) _api.ReleaseValue(value);
            foreach (var value in inputValues) if (value != IntPtr.Zero) _api.ReleaseValue(value);
            foreach (var pin in pins) if (pin.IsAllocated) pin.Free();
            if (unknownNames is not null) foreach (var name in unknownNames) Marshal.FreeCoTaskMem(name);
        }
    }

    private OnnxTensor ReadOutput(IntPtr value, string name)
    {
        var info = _api.GetTensorTypeAndShape(value);
        TensorElementType type;
        long[] shape;
        nuint count;
        try
        {
            type = _api.GetTensorElementType(info);
            shape = _api.GetDimensions(info);
            count = _api.GetTensorShapeElementCount(info);
        }
        finally
        {
            _api.ReleaseTensorTypeAndShapeInfo(info);
        }
        if (type != TensorElementType.Float)
            throw new NotSupportedException($"Output '{name}' holds {type} values; this binding reads float tensors only.");

        var data = new float[checked((int)count)];
        if (data.Length > 0) new ReadOnlySpan<float>(_api.GetTensorMutableData(value), data.Length).CopyTo(data);
        return new OnnxTensor(data, shape);
    }

    private OnnxTensorInfo Describe(int index, bool input)
    {
        var session = _handle.DangerousGetHandle();
        var name = input ? _api.SessionGetInputName(session, index) : _api.SessionGetOutputName(session, index);
        var typeInfo = input ? _api.SessionGetInputTypeInfo(session, index) : _api.SessionGetOutputTypeInfo(session, index);
        try
        {
            var tensorInfo = _api.CastTypeInfoToTensorInfo(typeInfo); // borrowed from typeInfo
            return tensorInfo == IntPtr.Zero
                ? new OnnxTensorInfo(name, TensorElementType.Undefined, [])
                : new OnnxTensorInfo(name, _api.GetTensorElementType(tensorInfo), _api.GetDimensions(tensorInfo));
        }
        finally
        {
            _api.ReleaseTypeInfo(typeInfo);
        }
    }

    private static IntPtr NativeCopy(string name, ref List<IntPtr>? owned)
    {
        var pointer = Marshal.StringToCoTaskMemUTF8(name);
        (owned ??= []).Add(pointer);
        return pointer;
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> names)
    {
        var index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++) index[names[i]] = i;
        return index;
    }
}
