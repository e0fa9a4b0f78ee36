using System.Net.Http.Headers;
using System.Security.Claims;
using iAyos.Messaging.Platform.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace iAyos.Messaging.Gateway.Tests;

/// <summary>Bearer tokens for the test Gateway: good ones, and each way a token can be refused.</summary>
public static class TestTokens
{
    public const string Key = "the-gateway-tests-signing-key-32-bytes-or-more";

    public static readonly AuthOptions Options = new() { SigningKey = Key };

    public static string Admin(string subject = "test-admin") => AccessTokens.Mint(Options, subject, [AccessTokens.AdminRole], TimeSpan.FromHours(1));

    public static string WithRole(string role, string subject = "test-user") => AccessTokens.Mint(Options, subject, [role], TimeSpan.FromHours(1));

    public static string SignedWithAnotherKey() =>
        AccessTokens.Mint(new AuthOptions { SigningKey = "not-the-gateway-key-but-also-32-bytes-long" }, "test-admin", [AccessTokens.AdminRole], TimeSpan.FromHours(1));

    /// <summary>An admin token that expired an hour ago, well past the allowed clock skew.</summary>
    public static string Expired()
    {
        var issued = DateTime.UtcNow.AddHours(-2);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim(AccessTokens.SubjectClaim, "test-admin"), new Claim(AccessTokens.RoleClaim, AccessTokens.AdminRole)]),
            Issuer = Options.Issuer,
            Audience = Options.Audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = issued.AddHours(1),
            SigningCredentials = new SigningCredentials(Options.Key(), SecurityAlgorithms.HmacSha256),
        });
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
