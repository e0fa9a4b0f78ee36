using System.Runtime.InteropServices;

namespace iAyos.Messaging.Onnx.Bench.Binding;

/// <summary>
/// Owns one ONNX Runtime object (env, session options, ...) and frees it with the matching <c>Release*</c>
/// member of the function table, exactly once, on dispose or (if forgotten) on finalization.
/// </summary>
/// <remarks>
/// Wrap the pointer immediately after the call that created it, so no exception can fall between the two.
/// SafeHandle's reference count also keeps the object alive while another thread is using it
/// (DangerousAddRef/DangerousRelease), so a dispose never frees it under a running call.
/// </remarks>
internal sealed unsafe class OrtHandle : SafeHandle
{
    private readonly delegate* unmanaged<IntPtr, void> _release;

    public OrtHandle(IntPtr handle, delegate* unmanaged<IntPtr, void> release) : base(IntPtr.Zero, ownsHandle: true)
    {
        _release = release;
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        _release(handle);
        return true;
    }
}
