namespace Hctr.Sandbox;

/// <summary>
/// The container's exit code (N, or 128+N when killed by signal N), or hctr's 125/126/127 with the failure.
/// <see cref="OomKilled"/>: the memory limit's OOM killer killed a process of the container.
/// </summary>
public sealed record LaunchResult(int ExitCode, LaunchFailure? Failure, bool TimedOut = false, bool OomKilled = false);
