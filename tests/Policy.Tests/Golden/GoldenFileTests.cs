using System.Text;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Xunit;

namespace Hctr.Policy.Tests.Golden;

/// <summary>
/// Golden files for every shipped profile (profiles/*.yaml, discovered): plan JSON, BPF disassembly,
/// AppArmor text, Landlock JSON and the OCI fragment, all for <see cref="HostFacts.Reference"/> so they
/// do not depend on the machine. Where an emission fails by design (OCI cannot carry Landlock rules),
/// its diagnostic codes and locations are the golden file instead. See docs/testing.md.
/// </summary>
[Trait("Category", "Unit")]
public class GoldenFileTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var profile in ShippedProfiles())
        {
            foreach (var artifact in GoldenArtifact.All)
            {
                data.Add(profile, artifact.Kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Emission_matches_its_golden_file(string profile, string kind)
    {
        var artifact = GoldenArtifact.All.Single(a => a.Kind == kind);
        var loaded = ProfileLoader.Load("profiles/" + profile + ".yaml", new RepoRelativeSource(RepoPaths.Root));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));

        var result = ProfileCompiler.Emit(kind, loaded, HostFacts.Reference);
        var (kept, absent) = result.Bytes is { } bytes
            ? ((artifact.FileName, bytes), artifact.DiagnosticsFileName)
            : ((artifact.DiagnosticsFileName, DiagnosticLines(result)), artifact.FileName);

        GoldenFile.CheckAbsent($"{profile}/{absent}");
        GoldenFile.Check($"{profile}/{kept.Item1}", kept.Item2);
    }

    [Fact]
    public void Golden_files_contain_no_machine_paths()
    {
        foreach (var file in Directory.EnumerateFiles(GoldenFile.Directory, "*", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(RepoPaths.Root, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_golden_directory_belongs_to_a_shipped_profile()
    {
        var shipped = ShippedProfiles().ToHashSet(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories(GoldenFile.Directory))
        {
            var name = Path.GetFileName(dir);
            if (shipped.Contains(name))
            {
                continue;
            }

            if (GoldenFile.Updating)
            {
                Directory.Delete(dir, recursive: true);
                continue;
            }

            Assert.Fail($"tests/Policy.Tests/Golden/{name}/ has no profiles/{name}.yaml (rerun with {GoldenFile.UpdateVariable}=1 to remove it)");
        }
    }

    private static IEnumerable<string> ShippedProfiles() =>
        Directory.GetFiles(RepoPaths.Profiles, "*.yaml")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal);

    /// <summary>Codes, severities and locations, one per line: the contract, not the wording.</summary>
    private static byte[] DiagnosticLines(EmitResult result)
    {
        var text = new StringBuilder();
        foreach (var d in result.Diagnostics)
        {
            var where = d.Location.IsNone ? "-" : d.Location.ToString();
            text.Append(d.Severity.ToString().ToLowerInvariant()).Append(' ').Append(d.Code).Append(' ').Append(where)
                .Append(' ').Append(d.FieldPath ?? "-").Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
