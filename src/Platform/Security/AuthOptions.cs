using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace iAyos.Messaging.Platform.Security;

/// <summary>
/// Bound from the <c>Auth</c> configuration section: the HMAC-SHA256 key the Gateway checks bearer tokens with
/// (and the CLI mints them with), and the issuer and audience both sides put in and expect. The key comes from
/// the environment (<c>Auth__SigningKey</c>), never from a committed file.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HMAC-SHA256 wants a key at least as long as its hash: 256 bits.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>A UTF-8 string of at least <see cref="MinimumKeyBytes"/> bytes.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "iayos";

    public string Audience { get; set; } = "iayos-gateway";

    /// <summary>Why these options cannot sign or check a token, or null when they can.</summary>
    public string? Problem()
    {
        if (string.IsNullOrEmpty(SigningKey))
            return $"{Section}:{nameof(SigningKey)} is not set: give it a random string of at least {MinimumKeyBytes} bytes " +
                   $"(environment variable {Section}__{nameof(SigningKey)}; scripts/up.sh generates one).";
        var bytes = Encoding.UTF8.GetByteCount(SigningKey);
        if (bytes < MinimumKeyBytes)
            return $"{Section}:{nameof(SigningKey)} is {bytes} bytes; HMAC-SHA256 needs at least {MinimumKeyBytes}.";
        if (string.IsNullOrWhiteSpace(Issuer))
            return $"{Section}:{nameof(Issuer)} must not be empty.";
        if (string.IsNullOrWhiteSpace(Audience))
            return $"{Section}:{nameof(Audience)} must not be empty.";
        return null;
    }

    /// <summary>The key to sign and check with; throws with <see cref="Problem"/>'s message when there is none.</summary>
    public SymmetricSecurityKey Key() => Problem() is { } problem
        ? throw new InvalidOperationException(problem)
        : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey!));
}
