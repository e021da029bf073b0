namespace Hctr.Policy.Tests.Golden;

/// <summary>
/// One emitted artifact under golden test: the <c>--emit</c> kind and the file name its bytes are kept
/// under. When the emission fails by design (OCI for profiles with Landlock rules), the diagnostics
/// are kept instead, as <c>&lt;kind&gt;.diagnostics.txt</c>.
/// </summary>
internal sealed record GoldenArtifact(string Kind, string FileName)
{
    public static readonly IReadOnlyList<GoldenArtifact> All =
    [
        new("plan", "plan.json"),
        new("seccomp-asm", "seccomp.asm"),
        new("apparmor", "apparmor.txt"),
        new("landlock", "landlock.json"),
        new("oci", "oci.json"),
    ];

    public string DiagnosticsFileName => Kind + ".diagnostics.txt";
}
