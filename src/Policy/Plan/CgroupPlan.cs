using Hctr.Policy.Host;

namespace Hctr.Policy.Plan;

/// <summary>Settings spelled for <see cref="Layout"/>; <see cref="Name"/> is the container's cgroup, relative to hctr's parent cgroup.</summary>
public sealed record CgroupPlan(CgroupLayout Layout, string Name, IReadOnlyList<string> Controllers, IReadOnlyList<CgroupSetting> Settings);
