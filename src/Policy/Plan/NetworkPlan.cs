using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;

namespace Hctr.Policy.Plan;

public sealed record NetworkPlan(NetworkMode Mode, bool LoopbackUp, SourceLocation Origin);
