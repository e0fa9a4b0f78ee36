namespace iAyos.Messaging.Gateway.Ops;

/// <summary>The management API could not be read: unreachable, too slow, refused our credentials, or answered nonsense.</summary>
public sealed class ManagementApiUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
