using Hctr.Policy.Loading;
using Hctr.Policy.Seccomp;
using Xunit;
using Xunit.Abstractions;

namespace Hctr.Policy.Tests.Import;

/// <summary>
/// profiles/default.yaml claims Docker's default semantics for x86_64: compared with the oracle the same way
/// as the import, over every number and argument case of each x86 ABI it lists.
/// </summary>
[Trait("Category", "Unit")]
public class DefaultProfileComparisonTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(SeccompArch.X86_64)]
    [InlineData(SeccompArch.X86)]
    [InlineData(SeccompArch.X32)]
    public void Default_yaml_decides_like_docker_except_enosys_for_unknown_numbers(SeccompArch arch)
    {
        var loaded = ProfileLoader.Load(Path.Combine(RepoPaths.Profiles, "default.yaml"), new DirectorySource());
        var oracle = new OciSeccompOracle(File.ReadAllText(ImportEquivalenceTests.TestData("docker-default-seccomp.oci.json")));
        var (diffs, compared) = ImportEquivalenceTests.Compare(ImportEquivalenceTests.Compile(loaded), oracle, arch);

        var unexpected = diffs.Where(x => SyscallTable.IsKnown(arch, x.Nr)).ToList();
        output.WriteLine($"{arch}: {compared} cases compared, {diffs.Count} differ, {unexpected.Count} on known numbers");
        foreach (var d in unexpected.Take(40))
        {
            output.WriteLine(ImportEquivalenceTests.Describe(d));
        }

        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Take(20).Select(ImportEquivalenceTests.Describe)));
    }
}
