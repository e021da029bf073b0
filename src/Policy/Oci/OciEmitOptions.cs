namespace Hctr.Policy.Oci;

/// <summary>How the OCI emitter treats rules the OCI runtime spec cannot carry.</summary>
[Flags]
public enum OciEmitOptions
{
    /// <summary>Anything the fragment cannot express exactly is an error and nothing is emitted.</summary>
    None = 0,

    /// <summary>
    /// Emit even though the profile's Landlock-enforced rules (filesystem.access, TCP bind/connect ports) are
    /// lost: runc and crun have no Landlock. Each lost rule is still listed, as a warning. Audited as unsafe.
    /// </summary>
    OmitLandlockUnsafe = 1,
}
