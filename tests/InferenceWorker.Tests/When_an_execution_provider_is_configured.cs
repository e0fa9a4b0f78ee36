using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.InferenceWorker.Tests;

public class When_an_execution_provider_is_configured
{
    private static OnnxSessionOptions Resolve(string? provider)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(provider is null ? [] : [new(OnnxSessionOptionsRegistration.ExecutionProviderKey, provider)])
            .Build();
        using var services = new ServiceCollection().AddOnnxSessionOptions(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<OnnxSessionOptions>>().Value;
    }

    [Fact]
    public void Should_run_models_on_the_cpu_by_default() =>
        Assert.Equal(ExecutionProvider.Cpu, Resolve(null).ExecutionProvider);

    [Fact]
    public void Should_accept_cpu_in_any_case() =>
        Assert.Equal(ExecutionProvider.Cpu, Resolve("CPU").ExecutionProvider);

    [Fact]
    public void Should_refuse_cuda_where_it_is_missing_naming_the_setting_and_what_is_missing()
    {
        // This machine has the CPU package and no GPU, as CI.
        var error = Assert.Throws<OptionsValidationException>(() => Resolve("cuda"));

        Assert.Contains("Inference:ExecutionProvider = cuda", error.Message);
        Assert.Contains(ExecutionProviders.CudaProviderName, error.Message);
    }
}
