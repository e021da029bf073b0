using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Plan;

public sealed record PathStep(string Path, SourceLocation Origin);
