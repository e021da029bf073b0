using System.Text;
using Xunit.Sdk;

namespace Hctr.Policy.Tests.Golden;

/// <summary>
/// Byte-for-byte comparison against checked-in files under <c>tests/Policy.Tests/Golden/</c>.
/// With <c>HCTR_UPDATE_GOLDEN=1</c> the expected file is rewritten and the check passes; otherwise a
/// mismatch writes the actual bytes under the git-ignored <c>tests/golden-actual/</c> and fails with
/// the first differing line and the commands to inspect or accept the change.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "HCTR_UPDATE_GOLDEN";

    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "Policy.Tests", "Golden");

    public static string ActualDirectory => Path.Combine(RepoPaths.Root, "tests", "golden-actual");

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <param name="relative">Path below the golden directory, with '/' separators.</param>
    public static void Check(string relative, byte[] actual)
    {
        var expectedPath = Path.Combine(Directory, relative);
        var actualPath = Path.Combine(ActualDirectory, relative);
        if (Updating)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllBytes(expectedPath, actual);
            return;
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllBytes(expectedPath) : null;
        if (expected is not null && expected.AsSpan().SequenceEqual(actual))
        {
            if (File.Exists(actualPath))
            {
                File.Delete(actualPath); // a stale mismatch from an earlier run
            }

            return;
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(actualPath)!);
        File.WriteAllBytes(actualPath, actual);
        var what = expected is null ? "is missing" : "differs: " + FirstDifference(expected, actual);
        throw new XunitException(
            $"golden file tests/Policy.Tests/Golden/{relative} {what}\n" +
            $"  actual output: tests/golden-actual/{relative}\n" +
            $"  review:        diff -u tests/Policy.Tests/Golden/{relative} tests/golden-actual/{relative}\n" +
            $"  accept:        {UpdateVariable}=1 dotnet test tests/Policy.Tests --filter FullyQualifiedName~Golden");
    }

    /// <summary>Fails (or, when updating, deletes the file) when a golden file exists that no emission produces.</summary>
    public static void CheckAbsent(string relative)
    {
        var path = Path.Combine(Directory, relative);
        if (!File.Exists(path))
        {
            return;
        }

        if (Updating)
        {
            File.Delete(path);
            return;
        }

        throw new XunitException(
            $"stale golden file tests/Policy.Tests/Golden/{relative}: the emission it records no longer happens this way " +
            $"(rerun with {UpdateVariable}=1 to remove it)");
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var e = Encoding.UTF8.GetString(expected).Split('\n');
        var a = Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (el != al)
            {
                return $"first at line {i + 1}\n  expected: {Clip(el)}\n  actual:   {Clip(al)}";
            }
        }

        return $"same text, different bytes ({expected.Length} vs {actual.Length})";
    }

    private static string Clip(string line) => line.Length <= 160 ? line : line[..160] + "...";
}
