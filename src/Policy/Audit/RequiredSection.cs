namespace Hctr.Policy.Audit;

/// <summary>What an organisation policy can require of every profile (<c>require:</c> list; YAML spelling in camelCase).</summary>
public enum RequiredSection
{
    UserNamespace,
    PidsLimit,
    MemoryLimit,
    ReadOnlyRootfs,
    NoNewPrivileges,
    SeccompDefaultDeny,
}
