namespace Hctr.Engine.Images.Unpack;

/// <summary>A layer was refused; <see cref="Entry"/> names the tar entry at fault when there is one.</summary>
public sealed class UnpackException(UnpackFailureReason reason, string message, string? entry = null, Exception? inner = null)
    : Exception(entry is null ? message : $"{entry}: {message}", inner)
{
    public UnpackFailureReason Reason { get; } = reason;

    public string? Entry { get; } = entry;
}
