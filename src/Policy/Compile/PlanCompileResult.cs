using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Compile;

/// <summary><see cref="Plan"/> is null exactly when <see cref="Diagnostics"/> holds an error.</summary>
public sealed record PlanCompileResult(LaunchPlan? Plan, ImmutableArray<Diagnostic> Diagnostics);
