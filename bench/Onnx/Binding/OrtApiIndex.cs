namespace iAyos.Messaging.Onnx.Bench.Binding;

/// <summary>
/// Slots of the <c>OrtApi</c> function table that this binding calls, counted from the first member of
/// <c>struct OrtApi</c> in ONNX Runtime's public <c>onnxruntime_c_api.h</c>. Each slot is one pointer, so a
/// function lives at byte offset <c>index * sizeof(void*)</c>.
/// </summary>
/// <remarks>
/// The table is append-only: once an API version ships, its members never move. Everything here belongs to
/// API versions 1 to 5 (ONNX Runtime 1.5), which is why <see cref="OnnxRuntimeLibrary.ApiVersion"/> is 5.
/// ONNX Runtime's own source pins some of these positions with static_asserts (version 1 ends at
/// ReleaseCustomOpDomain = 101, version 2 at ReleaseModelMetadata = 118, version 5 at SetGlobalSpinControl = 149);
/// the counts below agree with them. Tests call through several slots and check the results.
/// </remarks>
internal static class OrtApiIndex
{
    // --- Version 1 ---------------------------------------------------------------------------------------------
    /// <summary><c>OrtStatus* CreateStatus(OrtErrorCode code, const char* msg)</c></summary>
    public const int CreateStatus = 0;
    /// <summary><c>OrtErrorCode GetErrorCode(const OrtStatus* status)</c></summary>
    public const int GetErrorCode = 1;
    /// <summary><c>const char* GetErrorMessage(const OrtStatus* status)</c> (owned by the status)</summary>
    public const int GetErrorMessage = 2;
    /// <summary><c>CreateEnv(OrtLoggingLevel, const char* logid, OrtEnv** out)</c></summary>
    public const int CreateEnv = 3;
    /// <summary><c>DisableTelemetryEvents(const OrtEnv*)</c></summary>
    public const int DisableTelemetryEvents = 6;
    /// <summary><c>CreateSession(const OrtEnv*, const ORTCHAR_T* model_path, const OrtSessionOptions*, OrtSession** out)</c></summary>
    public const int CreateSession = 7;
    /// <summary><c>CreateSessionFromArray(const OrtEnv*, const void* data, size_t length, const OrtSessionOptions*, OrtSession** out)</c></summary>
    public const int CreateSessionFromArray = 8;
    /// <summary><c>Run(OrtSession*, const OrtRunOptions*, const char* const* input_names, const OrtValue* const* inputs,
    /// size_t input_len, const char* const* output_names, size_t output_len, OrtValue** outputs)</c></summary>
    public const int Run = 9;
    /// <summary><c>CreateSessionOptions(OrtSessionOptions** out)</c></summary>
    public const int CreateSessionOptions = 10;
    /// <summary><c>SetSessionGraphOptimizationLevel(OrtSessionOptions*, GraphOptimizationLevel)</c></summary>
    public const int SetSessionGraphOptimizationLevel = 23;
    /// <summary><c>SetIntraOpNumThreads(OrtSessionOptions*, int)</c></summary>
    public const int SetIntraOpNumThreads = 24;
    /// <summary><c>SetInterOpNumThreads(OrtSessionOptions*, int)</c></summary>
    public const int SetInterOpNumThreads = 25;
    /// <summary><c>SessionGetInputCount(const OrtSession*, size_t* out)</c></summary>
    public const int SessionGetInputCount = 30;
    /// <summary><c>SessionGetOutputCount(const OrtSession*, size_t* out)</c></summary>
    public const int SessionGetOutputCount = 31;
    /// <summary><c>SessionGetInputTypeInfo(const OrtSession*, size_t index, OrtTypeInfo** out)</c></summary>
    public const int SessionGetInputTypeInfo = 33;
    /// <summary><c>SessionGetOutputTypeInfo(const OrtSession*, size_t index, OrtTypeInfo** out)</c></summary>
    public const int SessionGetOutputTypeInfo = 34;
    /// <summary><c>SessionGetInputName(const OrtSession*, size_t index, OrtAllocator*, char** out)</c></summary>
    public const int SessionGetInputName = 36;
    /// <summary><c>SessionGetOutputName(const OrtSession*, size_t index, OrtAllocator*, char** out)</c></summary>
    public const int SessionGetOutputName = 37;
    /// <summary><c>CreateTensorWithDataAsOrtValue(const OrtMemoryInfo*, void* data, size_t data_bytes,
    /// const int64_t* shape, size_t shape_len, ONNXTensorElementDataType, OrtValue** out)</c></summary>
    public const int CreateTensorWithDataAsOrtValue = 49;
    /// <summary><c>GetTensorMutableData(OrtValue*, void** out)</c> (valid while the value lives)</summary>
    public const int GetTensorMutableData = 51;
    /// <summary><c>CastTypeInfoToTensorInfo(const OrtTypeInfo*, const OrtTensorTypeAndShapeInfo** out)</c>
    /// (out is owned by the type info; null when the type is not a tensor)</summary>
    public const int CastTypeInfoToTensorInfo = 55;
    /// <summary><c>GetTensorElementType(const OrtTensorTypeAndShapeInfo*, ONNXTensorElementDataType* out)</c></summary>
    public const int GetTensorElementType = 60;
    /// <summary><c>GetDimensionsCount(const OrtTensorTypeAndShapeInfo*, size_t* out)</c></summary>
    public const int GetDimensionsCount = 61;
    /// <summary><c>GetDimensions(const OrtTensorTypeAndShapeInfo*, int64_t* dims, size_t dims_length)</c></summary>
    public const int GetDimensions = 62;
    /// <summary><c>GetTensorShapeElementCount(const OrtTensorTypeAndShapeInfo*, size_t* out)</c></summary>
    public const int GetTensorShapeElementCount = 64;
    /// <summary><c>GetTensorTypeAndShape(const OrtValue*, OrtTensorTypeAndShapeInfo** out)</c></summary>
    public const int GetTensorTypeAndShape = 65;
    /// <summary><c>CreateCpuMemoryInfo(OrtAllocatorType, OrtMemType, OrtMemoryInfo** out)</c></summary>
    public const int CreateCpuMemoryInfo = 69;
    /// <summary><c>AllocatorFree(OrtAllocator*, void* p)</c></summary>
    public const int AllocatorFree = 76;
    /// <summary><c>GetAllocatorWithDefaultOptions(OrtAllocator** out)</c> (a process-wide allocator; never freed)</summary>
    public const int GetAllocatorWithDefaultOptions = 78;
    /// <summary><c>void ReleaseEnv(OrtEnv*)</c></summary>
    public const int ReleaseEnv = 92;
    /// <summary><c>void ReleaseStatus(OrtStatus*)</c></summary>
    public const int ReleaseStatus = 93;
    /// <summary><c>void ReleaseMemoryInfo(OrtMemoryInfo*)</c></summary>
    public const int ReleaseMemoryInfo = 94;
    /// <summary><c>void ReleaseSession(OrtSession*)</c></summary>
    public const int ReleaseSession = 95;
    /// <summary><c>void ReleaseValue(OrtValue*)</c></summary>
    public const int ReleaseValue = 96;
    /// <summary><c>void ReleaseTypeInfo(OrtTypeInfo*)</c></summary>
    public const int ReleaseTypeInfo = 98;
    /// <summary><c>void ReleaseTensorTypeAndShapeInfo(OrtTensorTypeAndShapeInfo*)</c></summary>
    public const int ReleaseTensorTypeAndShapeInfo = 99;
    /// <summary><c>void ReleaseSessionOptions(OrtSessionOptions*)</c></summary>
    public const int ReleaseSessionOptions = 100;

    // --- Version 5 ---------------------------------------------------------------------------------------------
    /// <summary><c>AddSessionConfigEntry(OrtSessionOptions*, const char* key, const char* value)</c></summary>
    public const int AddSessionConfigEntry = 130;

    /// <summary>The highest slot used: the table must have at least this many + 1 members.</summary>
    public const int Highest = AddSessionConfigEntry;
}
