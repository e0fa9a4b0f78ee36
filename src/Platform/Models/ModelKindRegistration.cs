using iAyos.Messaging.Predictions.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace iAyos.Messaging.Platform.Models;

public static class ModelKindRegistration
{
    /// <summary>
    /// Makes a kind known to this process: in the <see cref="ModelKindCatalog"/>, and for a prediction kind also as
    /// <see cref="IModelKind"/> and its typed <see cref="ModelKind{TRequest, TResponse}"/>, which the generic consumers
    /// and endpoints take.
    /// </summary>
    public static IServiceCollection AddModelKind(this IServiceCollection services, ITrainedKind kind)
    {
        services.TryAddSingleton(sp => new ModelKindCatalog(sp.GetServices<ITrainedKind>()));
        services.AddSingleton(kind);
        if (kind is IModelKind predicted)
        {
            services.AddSingleton(predicted);
            predicted.Accept(new TypedRegistration(services));
        }
        return services;
    }

    private sealed class TypedRegistration(IServiceCollection services) : IModelKindVisitor<bool>
    {
        public bool Visit<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind)
            where TRequest : class
            where TResponse : class
        {
            services.AddSingleton(kind);
            return true;
        }
    }
}
