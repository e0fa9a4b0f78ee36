namespace iAyos.Messaging.Onnx.Runtime;

/// <summary>
/// An error reported by ONNX Runtime: its error code and its own message text. The package's
/// <c>Microsoft.ML.OnnxRuntime.OnnxRuntimeException</c> is wrapped in this (as the inner exception), so callers
/// catch one type from this namespace and never need the package's namespace.
/// </summary>
public sealed class OnnxRuntimeException : Exception
{
    public OnnxRuntimeException(OrtErrorCode errorCode, string ortMessage, Exception? inner = null)
        : base($"ONNX Runtime error {errorCode}: {ortMessage}", inner)
    {
        ErrorCode = errorCode;
        OrtMessage = ortMessage;
    }

    public OrtErrorCode ErrorCode { get; }

    /// <summary>The message exactly as ONNX Runtime wrote it.</summary>
    public string OrtMessage { get; }

    /// <summary>The package writes "[ErrorCode:NoSuchFile] text"; the code and the text are taken apart again.</summary>
    internal static OnnxRuntimeException From(Microsoft.ML.OnnxRuntime.OnnxRuntimeException e)
    {
        const string prefix = "[ErrorCode:";
        var message = e.Message;
        var code = OrtErrorCode.Fail;
        var end = message.IndexOf("] ", StringComparison.Ordinal);
        if (message.StartsWith(prefix, StringComparison.Ordinal) && end > prefix.Length)
        {
            if (Enum.TryParse<OrtErrorCode>(message.AsSpan(prefix.Length, end - prefix.Length), out var parsed)) code = parsed;
            message = message[(end + 2)..];
        }
        return new OnnxRuntimeException(code, message, e);
    }
}
