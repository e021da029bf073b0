namespace Hctr.Engine.Images.Registry;

/// <summary>A registry or image-content failure with a typed <see cref="Reason"/>.</summary>
public sealed class RegistryException(RegistryFailureReason reason, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public RegistryFailureReason Reason { get; } = reason;
}
