using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using iAyos.Messaging.Onnx.Runtime;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.ModelServing;

/// <summary>
/// The session options every loaded model gets, from section <c>Inference</c> (<c>Inference:ExecutionProvider</c>
/// = <c>cpu</c> or <c>cuda</c>). Checked at start-up: asking for CUDA where it is missing stops the process.
/// </summary>
public static class OnnxSessionOptionsRegistration
{
    public const string Section = "Inference";
    public const string ExecutionProviderKey = Section + ":" + nameof(OnnxSessionOptions.ExecutionProvider);

    public static IServiceCollection AddOnnxSessionOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OnnxSessionOptions>().Bind(configuration.GetSection(Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OnnxSessionOptions>, ExecutionProviderValidation>();
        return services;
    }

    private sealed class ExecutionProviderValidation : IValidateOptions<OnnxSessionOptions>
    {
        public ValidateOptionsResult Validate(string? name, OnnxSessionOptions options) =>
            ExecutionProviders.WhyUnavailable(options.ExecutionProvider, options.CudaDeviceId) is { } why
                ? ValidateOptionsResult.Fail($"{ExecutionProviderKey} = {options.ExecutionProvider.ToString().ToLowerInvariant()}: {why}")
                : ValidateOptionsResult.Success;
    }
}
