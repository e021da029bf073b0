namespace Hctr.Policy.Plan;

/// <summary>Namespaces by name (user, mount, pid, uts, ipc, cgroup, net) and the CLONE_NEW* flags they make.</summary>
public sealed record NamespacePlan(IReadOnlyList<string> Namespaces, ulong CloneFlags);
