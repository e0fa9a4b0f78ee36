using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Onnx.Tests.Runtime;

public class ExecutionProviderTests
{
    [Fact]
    public void Sessions_run_on_the_cpu_by_default()
    {
        Assert.Equal(ExecutionProvider.Cpu, OnnxSessionOptions.Default.ExecutionProvider);
        Assert.Contains("CPUExecutionProvider", OnnxEnvironment.AvailableProviders);
        Assert.Null(ExecutionProviders.WhyUnavailable(ExecutionProvider.Cpu));
    }

    [Fact]
    public void Cuda_without_the_gpu_package_names_the_package_and_the_build_switch()
    {
        var why = ExecutionProviders.WhyUnavailable(ExecutionProvider.Cuda, ["CPUExecutionProvider"], () => throw new InvalidOperationException("not probed"));

        Assert.NotNull(why);
        Assert.Contains(ExecutionProviders.CudaProviderName, why);
        Assert.Contains("Microsoft.ML.OnnxRuntime.Gpu.Linux", why);
        Assert.Contains("-p:OnnxRuntimeGpu=true", why);
    }

    [Fact]
    public void Cuda_in_the_package_but_not_on_the_machine_says_what_the_probe_found()
    {
        var why = ExecutionProviders.WhyUnavailable(ExecutionProvider.Cuda, [ExecutionProviders.CudaProviderName, "CPUExecutionProvider"], () => "no driver");

        Assert.Equal("no driver", why);
        Assert.Null(ExecutionProviders.WhyUnavailable(ExecutionProvider.Cuda, [ExecutionProviders.CudaProviderName], () => null));
    }

    [Fact]
    public void A_cuda_session_where_cuda_is_missing_is_refused_before_ort_loads_the_model()
    {
        // This machine runs the CPU package (and has no GPU), as CI does.
        Assert.NotNull(ExecutionProviders.WhyUnavailable(ExecutionProvider.Cuda));

        var error = Assert.Throws<InvalidOperationException>(() =>
            OnnxSession.FromBytes(TestModels.Linear(), new OnnxSessionOptions { ExecutionProvider = ExecutionProvider.Cuda }));

        Assert.Contains(ExecutionProviders.CudaProviderName, error.Message);
    }
}
