using System.Runtime.InteropServices;

namespace iAyos.Messaging.Onnx.Bench.Binding;

/// <summary>
/// The slice of ONNX Runtime's <c>OrtApi</c> function table that this binding uses, read once from the table
/// that <c>OrtApiBase::GetApi</c> returned. Every call that returns an <c>OrtStatus*</c> goes through
/// <see cref="Check"/>, which turns a non-null status into an <see cref="OnnxRuntimeException"/> and releases it.
/// </summary>
/// <remarks>
/// Calling convention: the header declares every member with <c>ORT_API_CALL</c>, which is empty (the C default)
/// on Linux and macOS and <c>_stdcall</c> on Windows. <c>delegate* unmanaged</c> without a convention means
/// "the platform default", which matches both (and on x64 both are the same convention anyway).
/// C types: <c>size_t</c> is <c>nuint</c>, <c>int64_t</c> is <c>long</c>, C enums are <c>int</c>, every
/// <c>Ort*</c> object is an opaque <c>IntPtr</c>, <c>char*</c> is UTF-8 (<c>byte*</c>).
/// The table holds only function pointers and ONNX Runtime never changes it, so one instance serves every thread.
/// </remarks>
internal sealed unsafe class OrtApi
{
    // OrtStatus*, OrtErrorCode, const char*: the error channel.
    private readonly delegate* unmanaged<int, byte*, IntPtr> _createStatus;
    private readonly delegate* unmanaged<IntPtr, int> _getErrorCode;
    private readonly delegate* unmanaged<IntPtr, byte*> _getErrorMessage;

    // Environment and sessions.
    private readonly delegate* unmanaged<int, byte*, IntPtr*, IntPtr> _createEnv;
    private readonly delegate* unmanaged<IntPtr, IntPtr> _disableTelemetryEvents;
    private readonly delegate* unmanaged<IntPtr, void*, IntPtr, IntPtr*, IntPtr> _createSession;
    private readonly delegate* unmanaged<IntPtr, void*, nuint, IntPtr, IntPtr*, IntPtr> _createSessionFromArray;
    private readonly delegate* unmanaged<IntPtr, IntPtr, IntPtr*, IntPtr*, nuint, IntPtr*, nuint, IntPtr*, IntPtr> _run;

    // Session options.
    private readonly delegate* unmanaged<IntPtr*, IntPtr> _createSessionOptions;
    private readonly delegate* unmanaged<IntPtr, int, IntPtr> _setSessionGraphOptimizationLevel;
    private readonly delegate* unmanaged<IntPtr, int, IntPtr> _setIntraOpNumThreads;
    private readonly delegate* unmanaged<IntPtr, int, IntPtr> _setInterOpNumThreads;
    private readonly delegate* unmanaged<IntPtr, byte*, byte*, IntPtr> _addSessionConfigEntry;

    // Session metadata.
    private readonly delegate* unmanaged<IntPtr, nuint*, IntPtr> _sessionGetInputCount;
    private readonly delegate* unmanaged<IntPtr, nuint*, IntPtr> _sessionGetOutputCount;
    private readonly delegate* unmanaged<IntPtr, nuint, IntPtr*, IntPtr> _sessionGetInputTypeInfo;
    private readonly delegate* unmanaged<IntPtr, nuint, IntPtr*, IntPtr> _sessionGetOutputTypeInfo;
    private readonly delegate* unmanaged<IntPtr, nuint, IntPtr, byte**, IntPtr> _sessionGetInputName;
    private readonly delegate* unmanaged<IntPtr, nuint, IntPtr, byte**, IntPtr> _sessionGetOutputName;

    // Tensors and their type/shape information.
    private readonly delegate* unmanaged<IntPtr, void*, nuint, long*, nuint, int, IntPtr*, IntPtr> _createTensorWithDataAsOrtValue;
    private readonly delegate* unmanaged<IntPtr, void**, IntPtr> _getTensorMutableData;
    private readonly delegate* unmanaged<IntPtr, IntPtr*, IntPtr> _castTypeInfoToTensorInfo;
    private readonly delegate* unmanaged<IntPtr, int*, IntPtr> _getTensorElementType;
    private readonly delegate* unmanaged<IntPtr, nuint*, IntPtr> _getDimensionsCount;
    private readonly delegate* unmanaged<IntPtr, long*, nuint, IntPtr> _getDimensions;
    private readonly delegate* unmanaged<IntPtr, nuint*, IntPtr> _getTensorShapeElementCount;
    private readonly delegate* unmanaged<IntPtr, IntPtr*, IntPtr> _getTensorTypeAndShape;

    // Memory.
    private readonly delegate* unmanaged<int, int, IntPtr*, IntPtr> _createCpuMemoryInfo;
    private readonly delegate* unmanaged<IntPtr, void*, IntPtr> _allocatorFree;
    private readonly delegate* unmanaged<IntPtr*, IntPtr> _getAllocatorWithDefaultOptions;

    // OrtAllocatorType / OrtMemType values (header enums) for plain CPU memory owned by the caller.
    private const int OrtDeviceAllocator = 0;
    private const int OrtMemTypeDefault = 0;

    /// <param name="table">The <c>const OrtApi*</c> from <c>GetApi</c>: an array of function pointers.</param>
    public OrtApi(IntPtr table)
    {
        if (table == IntPtr.Zero) throw new ArgumentNullException(nameof(table));
        var slot = (IntPtr*)table;

        _createStatus = (delegate* unmanaged<int, byte*, IntPtr>)slot[OrtApiIndex.CreateStatus];
        _getErrorCode = (delegate* unmanaged<IntPtr, int>)slot[OrtApiIndex.GetErrorCode];
        _getErrorMessage = (delegate* unmanaged<IntPtr, byte*>)slot[OrtApiIndex.GetErrorMessage];

        _createEnv = (delegate* unmanaged<int, byte*, IntPtr*, IntPtr>)slot[OrtApiIndex.CreateEnv];
        _disableTelemetryEvents = (delegate* unmanaged<IntPtr, IntPtr>)slot[OrtApiIndex.DisableTelemetryEvents];
        _createSession = (delegate* unmanaged<IntPtr, void*, IntPtr, IntPtr*, IntPtr>)slot[OrtApiIndex.CreateSession];
        _createSessionFromArray = (delegate* unmanaged<IntPtr, void*, nuint, IntPtr, IntPtr*, IntPtr>)slot[OrtApiIndex.CreateSessionFromArray];
        _run = (delegate* unmanaged<IntPtr, IntPtr, IntPtr*, IntPtr*, nuint, IntPtr*, nuint, IntPtr*, IntPtr>)slot[OrtApiIndex.Run];

        _createSessionOptions = (delegate* unmanaged<IntPtr*, IntPtr>)slot[OrtApiIndex.CreateSessionOptions];
        _setSessionGraphOptimizationLevel = (delegate* unmanaged<IntPtr, int, IntPtr>)slot[OrtApiIndex.SetSessionGraphOptimizationLevel];
        _setIntraOpNumThreads = (delegate* unmanaged<IntPtr, int, IntPtr>)slot[OrtApiIndex.SetIntraOpNumThreads];
        _setInterOpNumThreads = (delegate* unmanaged<IntPtr, int, IntPtr>)slot[OrtApiIndex.SetInterOpNumThreads];
        _addSessionConfigEntry = (delegate* unmanaged<IntPtr, byte*, byte*, IntPtr>)slot[OrtApiIndex.AddSessionConfigEntry];

        _sessionGetInputCount = (delegate* unmanaged<IntPtr, nuint*, IntPtr>)slot[OrtApiIndex.SessionGetInputCount];
        _sessionGetOutputCount = (delegate* unmanaged<IntPtr, nuint*, IntPtr>)slot[OrtApiIndex.SessionGetOutputCount];
        _sessionGetInputTypeInfo = (delegate* unmanaged<IntPtr, nuint, IntPtr*, IntPtr>)slot[OrtApiIndex.SessionGetInputTypeInfo];
        _sessionGetOutputTypeInfo = (delegate* unmanaged<IntPtr, nuint, IntPtr*, IntPtr>)slot[OrtApiIndex.SessionGetOutputTypeInfo];
        _sessionGetInputName = (delegate* unmanaged<IntPtr, nuint, IntPtr, byte**, IntPtr>)slot[OrtApiIndex.SessionGetInputName];
        _sessionGetOutputName = (delegate* unmanaged<IntPtr, nuint, IntPtr, byte**, IntPtr>)slot[OrtApiIndex.SessionGetOutputName];

        _createTensorWithDataAsOrtValue = (delegate* unmanaged<IntPtr, void*, nuint, long*, nuint, int, IntPtr*, IntPtr>)slot[OrtApiIndex.CreateTensorWithDataAsOrtValue];
        _getTensorMutableData = (delegate* unmanaged<IntPtr, void**, IntPtr>)slot[OrtApiIndex.GetTensorMutableData];
        _castTypeInfoToTensorInfo = (delegate* unmanaged<IntPtr, IntPtr*, IntPtr>)slot[OrtApiIndex.CastTypeInfoToTensorInfo];
        _getTensorElementType = (delegate* unmanaged<IntPtr, int*, IntPtr>)slot[OrtApiIndex.GetTensorElementType];
        _getDimensionsCount = (delegate* unmanaged<IntPtr, nuint*, IntPtr>)slot[OrtApiIndex.GetDimensionsCount];
        _getDimensions = (delegate* unmanaged<IntPtr, long*, nuint, IntPtr>)slot[OrtApiIndex.GetDimensions];
        _getTensorShapeElementCount = (delegate* unmanaged<IntPtr, nuint*, IntPtr>)slot[OrtApiIndex.GetTensorShapeElementCount];
        _getTensorTypeAndShape = (delegate* unmanaged<IntPtr, IntPtr*, IntPtr>)slot[OrtApiIndex.GetTensorTypeAndShape];

        _createCpuMemoryInfo = (delegate* unmanaged<int, int, IntPtr*, IntPtr>)slot[OrtApiIndex.CreateCpuMemoryInfo];
        _allocatorFree = (delegate* unmanaged<IntPtr, void*, IntPtr>)slot[OrtApiIndex.AllocatorFree];
        _getAllocatorWithDefaultOptions = (delegate* unmanaged<IntPtr*, IntPtr>)slot[OrtApiIndex.GetAllocatorWithDefaultOptions];

        // The Release* members return void and accept null; handles keep these pointers to free themselves.
        ReleaseEnv = (delegate* unmanaged<IntPtr, void>)slot[OrtApiIndex.ReleaseEnv];
        ReleaseStatus = (delegate* unmanaged<IntPtr, void>)slot[OrtApiIndex.ReleaseStatus];
        ReleaseMemoryInfo = (delegate* unmanaged<IntPtr, void>)slot[OrtApiIndex.ReleaseMemoryInfo];
        ReleaseSession = (delegate* unmanaged<IntPtr, void>)slot[OrtApiIndex.ReleaseSession];
        ReleaseValue = (delegate* unmanaged<IntPtr, void>)slot[OrtApiIndex.ReleaseValue];
        ReleaseTypeInfo = (delegate* unmanaged<IntPtr, void>)slot[OrtApiIndex.ReleaseTypeInfo];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged<IntPtr, void>)slot[OrtApiIndex.ReleaseTensorTypeAndShapeInfo];
        ReleaseSessionOptions = (delegate* unmanaged<IntPtr, void>)slot[OrtApiIndex.ReleaseSessionOptions];
    }

    public delegate* unmanaged<IntPtr, void> ReleaseEnv { get; }
    public delegate* unmanaged<IntPtr, void> ReleaseStatus { get; }
    public delegate* unmanaged<IntPtr, void> ReleaseMemoryInfo { get; }
    public delegate* unmanaged<IntPtr, void> ReleaseSession { get; }
    public delegate* unmanaged<IntPtr, void> ReleaseValue { get; }
    public delegate* unmanaged<IntPtr, void> ReleaseTypeInfo { get; }
    public delegate* unmanaged<IntPtr, void> ReleaseTensorTypeAndShapeInfo { get; }
    public delegate* unmanaged<IntPtr, void> ReleaseSessionOptions { get; }

    // ---- Status ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Null status = success. Otherwise read the code and message (the message pointer belongs to the status, so
    /// copy it first), release the status, and throw. The status is released on every path.
    /// </summary>
    public void Check(IntPtr status)
    {
        if (status == IntPtr.Zero) return;
        OrtErrorCode code;
        string message;
        try
        {
            code = GetErrorCode(status);
            message = GetErrorMessage(status);
        }
        finally
        {
            ReleaseStatus(status);
        }
        throw new OnnxRuntimeException(code, message);
    }

    /// <summary>A new status the caller must release (ONNX Runtime copies <paramref name="message"/>).</summary>
    public IntPtr CreateStatus(OrtErrorCode code, string message)
    {
        using var text = new Utf8String(message);
        return _createStatus((int)code, text.Pointer);
    }

    public OrtErrorCode GetErrorCode(IntPtr status) => (OrtErrorCode)_getErrorCode(status);

    public string GetErrorMessage(IntPtr status) => Marshal.PtrToStringUTF8((IntPtr)_getErrorMessage(status)) ?? "";

    // ---- Environment and sessions ---------------------------------------------------------------------------

    /// <param name="loggingLevel"><c>OrtLoggingLevel</c>: 0 verbose, 1 info, 2 warning, 3 error, 4 fatal.</param>
    /// <returns>The environment, owned by a handle that calls ReleaseEnv.</returns>
    public OrtHandle CreateEnv(int loggingLevel, string logId)
    {
        using var id = new Utf8String(logId);
        IntPtr env;
        Check(_createEnv(loggingLevel, id.Pointer, &env));
        return new OrtHandle(env, ReleaseEnv);
    }

    public void DisableTelemetryEvents(IntPtr env) => Check(_disableTelemetryEvents(env));

    /// <summary><c>ORTCHAR_T</c> is <c>wchar_t</c> (UTF-16) on Windows and <c>char</c> (UTF-8) elsewhere.</summary>
    public IntPtr CreateSession(IntPtr env, string modelPath, IntPtr options)
    {
        var path = OperatingSystem.IsWindows() ? Marshal.StringToCoTaskMemUni(modelPath) : Marshal.StringToCoTaskMemUTF8(modelPath);
        try
        {
            IntPtr session;
            Check(_createSession(env, (void*)path, options, &session));
            return session;
        }
        finally
        {
            Marshal.FreeCoTaskMem(path);
        }
    }

    /// <summary>ONNX Runtime parses the bytes during the call and keeps no reference to them afterwards.</summary>
    public IntPtr CreateSessionFromArray(IntPtr env, ReadOnlySpan<byte> model, IntPtr options)
    {
        fixed (byte* data = model)
        {
            IntPtr session;
            Check(_createSessionFromArray(env, data, (nuint)model.Length, options, &session));
            return session;
        }
    }

    /// <summary>
    /// <c>Run</c> with no run options. <paramref name="outputs"/> must be zeroed: ONNX Runtime allocates each
    /// output value, and the caller releases every non-null one (also after a failure).
    /// </summary>
    public void Run(IntPtr session, IntPtr* inputNames, IntPtr* inputs, nuint inputCount,
        IntPtr* outputNames, nuint outputCount, IntPtr* outputs) =>
        Check(_run(session, IntPtr.Zero, inputNames, inputs, inputCount, outputNames, outputCount, outputs));

    // ---- Session options ------------------------------------------------------------------------------------

    /// <returns>The options, owned by a handle that calls ReleaseSessionOptions.</returns>
    public OrtHandle CreateSessionOptions()
    {
        IntPtr options;
        Check(_createSessionOptions(&options));
        return new OrtHandle(options, ReleaseSessionOptions);
    }

    public void SetSessionGraphOptimizationLevel(IntPtr options, GraphOptimizationLevel level) =>
        Check(_setSessionGraphOptimizationLevel(options, (int)level));

    public void SetIntraOpNumThreads(IntPtr options, int threads) => Check(_setIntraOpNumThreads(options, threads));

    public void SetInterOpNumThreads(IntPtr options, int threads) => Check(_setInterOpNumThreads(options, threads));

    /// <summary>Keys are those of <c>onnxruntime_session_options_config_keys.h</c>; ONNX Runtime copies both strings.</summary>
    public void AddSessionConfigEntry(IntPtr options, string key, string value)
    {
        using var k = new Utf8String(key);
        using var v = new Utf8String(value);
        Check(_addSessionConfigEntry(options, k.Pointer, v.Pointer));
    }

    // ---- Session metadata -----------------------------------------------------------------------------------

    public int SessionGetInputCount(IntPtr session)
    {
        nuint count;
        Check(_sessionGetInputCount(session, &count));
        return checked((int)count);
    }

    public int SessionGetOutputCount(IntPtr session)
    {
        nuint count;
        Check(_sessionGetOutputCount(session, &count));
        return checked((int)count);
    }

    /// <summary>The caller releases the type info with <see cref="ReleaseTypeInfo"/>.</summary>
    public IntPtr SessionGetInputTypeInfo(IntPtr session, int index)
    {
        IntPtr typeInfo;
        Check(_sessionGetInputTypeInfo(session, (nuint)index, &typeInfo));
        return typeInfo;
    }

    /// <summary>The caller releases the type info with <see cref="ReleaseTypeInfo"/>.</summary>
    public IntPtr SessionGetOutputTypeInfo(IntPtr session, int index)
    {
        IntPtr typeInfo;
        Check(_sessionGetOutputTypeInfo(session, (nuint)index, &typeInfo));
        return typeInfo;
    }

    /// <summary>The name comes back in memory from the default allocator; it is copied and freed here.</summary>
    public string SessionGetInputName(IntPtr session, int index)
    {
        var allocator = GetAllocatorWithDefaultOptions();
        byte* name;
        Check(_sessionGetInputName(session, (nuint)index, allocator, &name));
        return TakeAllocatorString(allocator, name);
    }

    /// <summary>The name comes back in memory from the default allocator; it is copied and freed here.</summary>
    public string SessionGetOutputName(IntPtr session, int index)
    {
        var allocator = GetAllocatorWithDefaultOptions();
        byte* name;
        Check(_sessionGetOutputName(session, (nuint)index, allocator, &name));
        return TakeAllocatorString(allocator, name);
    }

    private string TakeAllocatorString(IntPtr allocator, byte* text)
    {
        try
        {
            return Marshal.PtrToStringUTF8((IntPtr)text) ?? "";
        }
        finally
        {
            Check(_allocatorFree(allocator, text));
        }
    }

    // ---- Tensors --------------------------------------------------------------------------------------------

    /// <summary>
    /// A tensor value over caller-owned memory (no copy). The memory must stay put (pinned) and alive until the
    /// value is released with <see cref="ReleaseValue"/>; ONNX Runtime copies the shape.
    /// </summary>
    public IntPtr CreateTensorWithDataAsOrtValue(IntPtr memoryInfo, void* data, nuint byteCount,
        long* shape, nuint rank, TensorElementType elementType)
    {
        IntPtr value;
        Check(_createTensorWithDataAsOrtValue(memoryInfo, data, byteCount, shape, rank, (int)elementType, &value));
        return value;
    }

    /// <summary>The tensor's buffer; valid while the value lives.</summary>
    public void* GetTensorMutableData(IntPtr value)
    {
        void* data;
        Check(_getTensorMutableData(value, &data));
        return data;
    }

    /// <summary>Borrowed from the type info (do not release); zero when the type is not a tensor.</summary>
    public IntPtr CastTypeInfoToTensorInfo(IntPtr typeInfo)
    {
        IntPtr tensorInfo;
        Check(_castTypeInfoToTensorInfo(typeInfo, &tensorInfo));
        return tensorInfo;
    }

    public TensorElementType GetTensorElementType(IntPtr tensorInfo)
    {
        int type;
        Check(_getTensorElementType(tensorInfo, &type));
        return (TensorElementType)type;
    }

    /// <summary>The shape; a dynamic (symbolic or unknown) dimension reads as -1.</summary>
    public long[] GetDimensions(IntPtr tensorInfo)
    {
        nuint rank;
        Check(_getDimensionsCount(tensorInfo, &rank));
        var dims = new long[checked((int)rank)];
        fixed (long* p = dims)
            Check(_getDimensions(tensorInfo, p, rank));
        return dims;
    }

    public nuint GetTensorShapeElementCount(IntPtr tensorInfo)
    {
        nuint count;
        Check(_getTensorShapeElementCount(tensorInfo, &count));
        return count;
    }

    /// <summary>The caller releases the result with <see cref="ReleaseTensorTypeAndShapeInfo"/>.</summary>
    public IntPtr GetTensorTypeAndShape(IntPtr value)
    {
        IntPtr info;
        Check(_getTensorTypeAndShape(value, &info));
        return info;
    }

    // ---- Memory ---------------------------------------------------------------------------------------------

    /// <summary>Describes plain CPU memory (used to wrap managed buffers); release with <see cref="ReleaseMemoryInfo"/>.</summary>
    public IntPtr CreateCpuMemoryInfo()
    {
        IntPtr info;
        Check(_createCpuMemoryInfo(OrtDeviceAllocator, OrtMemTypeDefault, &info));
        return info;
    }

    /// <summary>ONNX Runtime's process-wide default CPU allocator; it is never freed.</summary>
    public IntPtr GetAllocatorWithDefaultOptions()
    {
        IntPtr allocator;
        Check(_getAllocatorWithDefaultOptions(&allocator));
        return allocator;
    }

    /// <summary>A NUL-terminated UTF-8 copy of a string in native memory, freed on dispose.</summary>
    private readonly ref struct Utf8String
    {
        private readonly IntPtr _memory;

        public Utf8String(string text) => _memory = Marshal.StringToCoTaskMemUTF8(text);

        public byte* Pointer => (byte*)_memory;

        public void Dispose() => Marshal.FreeCoTaskMem(_memory);
    }
}
