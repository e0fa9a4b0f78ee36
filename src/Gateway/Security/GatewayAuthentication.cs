using iAyos.Messaging.Platform.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Security;

/// <summary>
/// Bearer tokens (<see cref="AccessTokens"/>) on every request, and the <see cref="AdminPolicy"/> the
/// state-changing endpoints require. A Gateway without a usable <c>Auth:SigningKey</c> does not start.
/// </summary>
public static class GatewayAuthentication
{
    /// <summary>The authorization policy of training, activation, reload and recompute.</summary>
    public const string AdminPolicy = "admin";

    public static WebApplicationBuilder AddGatewayAuthentication(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        // Refuse to build rather than answer every admin request 500 later.
        var configured = section.Get<AuthOptions>() ?? new AuthOptions();
        if (configured.Problem() is { } problem)
            throw new InvalidOperationException($"The Gateway cannot start: {problem}");
        builder.Services.AddOptions<AuthOptions>().Bind(section)
            .Validate(o => o.Problem() is null, $"{AuthOptions.Section} is not usable: see {AuthOptions.Section}:{nameof(AuthOptions.SigningKey)}.")
            .ValidateOnStart();

        // The default scheme, so every request is authenticated: the rate limiter partitions by the token's subject.
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((bearer, auth) =>
            {
                bearer.TokenValidationParameters = AccessTokens.ValidationParameters(auth.Value);
                bearer.MapInboundClaims = false; // keep "sub" and "role" as they are in the token
                bearer.Events = new JwtBearerEvents
                {
                    OnChallenge = AuthenticationProblems.ChallengeAsync,
                    OnForbidden = AuthenticationProblems.ForbiddenAsync,
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(AccessTokens.AdminRole));
        return builder;
    }

    /// <summary>Only holders of an admin token reach the endpoint; others get 401 or 403 problem details.</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(AdminPolicy);
}
