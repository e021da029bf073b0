namespace Hctr.Policy.Model;

public enum UserNamespaceMode
{
    /// <summary>A private range of host ids allocated per container (the default).</summary>
    Auto,

    /// <summary>The maps written in the profile.</summary>
    Map,

    /// <summary>No user namespace: container root is host root. Audited as unsafe.</summary>
    HostUnsafe,
}
