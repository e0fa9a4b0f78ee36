using iAyos.Messaging.Platform.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace iAyos.Messaging.Gateway.Security;

/// <summary>
/// 401 and 403 as RFC 7807 problem details that say what is missing; the 401 keeps its
/// <c>WWW-Authenticate</c> challenge (RFC 6750), with why a token was refused.
/// </summary>
public static class AuthenticationProblems
{
    public static Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        var failure = context.AuthenticateFailure;
        if (failure is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ProblemResponses.WriteAsync(http, StatusCodes.Status401Unauthorized,
                "A bearer token with the admin role is required.",
                "Send 'Authorization: Bearer <token>'; 'iayos token --role admin' mints one from the configured signing key.");
        }
        var reason = Describe(failure, http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value);
        http.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{reason.Replace('"', '\'')}\"";
        return ProblemResponses.WriteAsync(http, StatusCodes.Status401Unauthorized, "The bearer token is not valid.", reason);
    }

    public static Task ForbiddenAsync(ForbiddenContext context)
    {
        var user = context.HttpContext.User;
        var roles = user.FindAll(AccessTokens.RoleClaim).Select(c => c.Value).ToList();
        var subject = user.FindFirst(AccessTokens.SubjectClaim)?.Value ?? "(no subject)";
        return ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden,
            $"The {AccessTokens.AdminRole} role is required.",
            $"The token of '{subject}' has {(roles.Count == 0 ? "no role" : "the roles " + string.Join(", ", roles))}; this endpoint changes state and needs role '{AccessTokens.AdminRole}'.");
    }

    /// <summary>Why a token was refused, in words a caller can act on; the library's own messages hide the values.</summary>
    private static string Describe(Exception failure, AuthOptions options) => failure switch
    {
        SecurityTokenExpiredException => "The token has expired; mint a new one.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException =>
            "The token is not signed with the Gateway's signing key.",
        SecurityTokenInvalidAlgorithmException => "The token must be signed with HS256.",
        SecurityTokenInvalidIssuerException => $"The token's issuer is not '{options.Issuer}'.",
        SecurityTokenInvalidAudienceException => $"The token's audience is not '{options.Audience}'.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        SecurityTokenMalformedException or ArgumentException => "The token is not a well-formed JWT.",
        _ => "The token could not be validated.",
    };
}
