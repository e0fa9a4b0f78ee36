using iAyos.Messaging.Predictions.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace iAyos.Messaging.Platform.Models;

public static class ModelKindRegistration
{
    /// <summary>
    /// Makes a kind known to this process: as <see cref="IModelKind"/> (in the <see cref="ModelKindCatalog"/>) and
    /// as its typed <see cref="ModelKind{TRequest, TResponse}"/>, which the generic consumers and endpoints take.
    /// </summary>
    public static IServiceCollection AddModelKind(this IServiceCollection services, IModelKind kind)
    {
        services.TryAddSingleton(sp => new ModelKindCatalog(sp.GetServices<IModelKind>()));
        services.AddSingleton(kind);
        kind.Accept(new TypedRegistration(services));
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
