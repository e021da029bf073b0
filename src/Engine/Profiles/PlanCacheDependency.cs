namespace Hctr.Engine.Profiles;

/// <summary>A file a cached plan was compiled from: its full path and the sha256 (hex) of the text read.</summary>
internal sealed record PlanCacheDependency(string Path, string Sha256);
