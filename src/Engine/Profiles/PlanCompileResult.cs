using Hctr.Policy.Plan;

namespace Hctr.Engine.Profiles;

/// <summary>A compile for one run: the plan (null on errors), the diagnostics rendered for the user, and where it came from.</summary>
public sealed record PlanCompileResult(LaunchPlan? Plan, IReadOnlyList<string> Messages, bool HasErrors, bool FromCache);
