using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.ModelServing;

/// <summary>Failures of a loaded model on one request: answered from the estimator instead of faulting.</summary>
public static class ModelFailure
{
    public static bool IsRecoverable(Exception ex) =>
        ex is OnnxRuntimeException or ArgumentException or ObjectDisposedException or IndexOutOfRangeException;
}
