namespace iAyos.Messaging.Onnx.Runtime;

/// <summary>Where a session runs its kernels (configuration values <c>cpu</c> and <c>cuda</c>).</summary>
public enum ExecutionProvider
{
    Cpu = 0,

    /// <summary>NVIDIA GPU: needs the build with <c>-p:OnnxRuntimeGpu=true</c> and a GPU with its driver, CUDA 12 and cuDNN 9.</summary>
    Cuda = 1,
}
