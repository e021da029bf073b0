namespace Hctr.Cli;

/// <summary>
/// Where the init stage's binary is: <c>hctr-init</c> in the directory of the running hctr (scripts/setup.sh
/// publishes both to <c>bin/</c>). Never looked up on PATH or taken from the environment: the binary that runs
/// inside every container with all of its capabilities is the one installed beside hctr, or none.
/// </summary>
internal static class InitBinary
{
    public const string FileName = "hctr-init";

    public static string Locate()
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot locate the hctr executable");
        string path = Path.Combine(Path.GetDirectoryName(self) ?? "/", FileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: hctr-init is published beside hctr (run scripts/setup.sh)");
        }

        return path;
    }
}
