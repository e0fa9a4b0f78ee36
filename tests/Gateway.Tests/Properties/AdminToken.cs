using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>
/// Bearer tokens the way the Gateway's <c>Auth</c> section expects them (HMAC-SHA256, issuer "iayos",
/// audience "iayos-gateway", claims "sub" and "role"), so bad input reaches validation on admin endpoints too.
/// </summary>
public static class AdminToken
{
    /// <summary>A test-only key (at least 32 bytes for HMAC-SHA256); never used outside tests.</summary>
    public const string SigningKey = "gateway-property-tests-signing-key-0123456789";
    public const string Issuer = "iayos";
    public const string Audience = "iayos-gateway";

    public static string Mint(string role = "admin", string subject = "property-tests")
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role)]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
