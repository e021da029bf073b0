namespace Hctr.Sandbox;

/// <summary>
/// Where the init stage's binary is: <c>hctr-init</c> in the directory of the running program, the front binary
/// <c>hctr</c> or the full CLI <c>hctr-cli</c> (scripts/setup.sh publishes all three to <c>bin/</c>). Never looked
/// up on PATH or taken from the environment: the binary that runs inside every container with all of its
/// capabilities is the one installed beside hctr, or none.
/// </summary>
public static class InitBinary
{
    public const string FileName = "hctr-init";

    /// <summary>The path, or null when it is missing (the front binary then leaves the run to the full CLI).</summary>
    public static string? Find()
    {
        string? dir = Path.GetDirectoryName(Environment.ProcessPath);
        string? path = dir is null ? null : Path.Combine(dir, FileName);
        return path is not null && File.Exists(path) ? path : null;
    }

    /// <summary>The path; a clear error when it is missing.</summary>
    public static string Locate() =>
        Find() ?? throw new InvalidOperationException(
            $"{Path.Combine(Path.GetDirectoryName(Environment.ProcessPath) ?? "?", FileName)} is missing: hctr-init is published beside hctr (run scripts/setup.sh)");
}
