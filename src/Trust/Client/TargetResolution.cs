using Hctr.Trust.Metadata;

namespace Hctr.Trust.Client;

/// <summary>A trusted target: its entry, the delegation path that vouched for it, and the key ids that signed that role.</summary>
public sealed record TargetResolution(TargetFile Target, IReadOnlyList<string> RolePath, IReadOnlyList<string> SignerKeyIds);
