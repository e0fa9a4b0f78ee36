using System.Runtime.InteropServices;

namespace iAyos.Messaging.Onnx.Bench.Binding;

/// <summary>
/// Owns an <c>OrtSession</c> and everything a run borrows from it: the CPU memory info that input tensors are
/// created with and NUL-terminated UTF-8 copies of the input and output names (passed to <c>Run</c> as is).
/// </summary>
/// <remarks>
/// One handle, one reference count: a run takes a reference (DangerousAddRef) for its whole duration, so a
/// concurrent dispose only marks the handle closed and the last run out frees the session, the memory info
/// and the names, in <see cref="ReleaseHandle"/>. Nothing here changes after <see cref="Attach"/>, so
/// concurrent runs share it without locks.
/// </remarks>
internal sealed unsafe class SessionHandle : SafeHandle
{
    private readonly OrtApi _api;
    private IntPtr _memoryInfo;
    private IntPtr[] _inputNames = [];
    private IntPtr[] _outputNames = [];

    public SessionHandle(OrtApi api, IntPtr session) : base(IntPtr.Zero, ownsHandle: true)
    {
        _api = api;
        SetHandle(session);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public IntPtr MemoryInfo => _memoryInfo;

    public IntPtr InputName(int index) => _inputNames[index];

    public IntPtr OutputName(int index) => _outputNames[index];

    /// <summary>Creates what runs borrow. Each native allocation is recorded as soon as it exists, so a
    /// failure part-way leaves nothing that <see cref="ReleaseHandle"/> would miss.</summary>
    public void Attach(IReadOnlyList<string> inputNames, IReadOnlyList<string> outputNames)
    {
        _memoryInfo = _api.CreateCpuMemoryInfo();
        _inputNames = new IntPtr[inputNames.Count];
        for (var i = 0; i < inputNames.Count; i++) _inputNames[i] = Marshal.StringToCoTaskMemUTF8(inputNames[i]);
        _outputNames = new IntPtr[outputNames.Count];
        for (var i = 0; i < outputNames.Count; i++) _outputNames[i] = Marshal.StringToCoTaskMemUTF8(outputNames[i]);
    }

    protected override bool ReleaseHandle()
    {
        _api.ReleaseSession(handle);
        if (_memoryInfo != IntPtr.Zero) _api.ReleaseMemoryInfo(_memoryInfo);
        foreach (var name in _inputNames) Marshal.FreeCoTaskMem(name);
        foreach (var name in _outputNames) Marshal.FreeCoTaskMem(name);
        return true;
    }
}
