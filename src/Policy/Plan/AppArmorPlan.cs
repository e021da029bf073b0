namespace Hctr.Policy.Plan;

/// <summary>The generated profile text; <see cref="Load"/> is false where the host has no AppArmor.</summary>
public sealed record AppArmorPlan(string ProfileName, string Text, bool Load);
