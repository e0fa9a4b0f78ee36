using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace iAyos.Messaging.Platform.Security;

/// <summary>
/// The platform's bearer tokens: JWTs signed with HMAC-SHA256, a subject in <c>sub</c> and roles in <c>role</c>.
/// The Gateway checks them with <see cref="ValidationParameters"/>; the CLI and tests mint them with <see cref="Mint"/>.
/// </summary>
public static class AccessTokens
{
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";

    /// <summary>The role every state-changing endpoint requires.</summary>
    public const string AdminRole = "admin";

    /// <summary>How far token and server clocks may disagree (the library's default of 5 minutes is lax for short tokens).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static string Mint(AuthOptions options, string subject, IEnumerable<string> roles, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (lifetime <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "A token must live for some time.");
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new(SubjectClaim, subject) };
        claims.AddRange(roles.Select(role => new Claim(RoleClaim, role)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(options.Key(), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>What a token must be: signed with this key (HMAC-SHA256 only), from this issuer, for this audience, unexpired.</summary>
    public static TokenValidationParameters ValidationParameters(AuthOptions options) => new()
    {
        IssuerSigningKey = options.Key(),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = ClockSkew,
        NameClaimType = SubjectClaim,
        RoleClaimType = RoleClaim,
    };
}
