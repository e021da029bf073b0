namespace Hctr.Engine.Images;

/// <summary>An <see cref="IProgress{T}"/> that reports inline (Progress&lt;T&gt; posts and can reorder events).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
