using System.Collections.Immutable;
using Hctr.Policy.Host;
using Hctr.Policy.Import;
using Hctr.Policy.Loading;
using Hctr.Policy.Seccomp;
using Hctr.Policy.Tests.Loading;
using Xunit;

namespace Hctr.Policy.Tests.Import;

/// <summary>
/// Docker's default profile, imported and compiled to BPF, decides every syscall number of each x86 ABI and
/// every argument case exactly as the resolved OCI profile (the oracle, evaluated with runc + libseccomp
/// semantics) does, except one stated difference: numbers hctr's table does not know get ENOSYS (hctr's
/// unknown action) where Docker returns its default EPERM.
/// </summary>
[Trait("Category", "Unit")]
public class ImportEquivalenceTests
{
    private const uint Enosys = 0x00050026;

    /// <summary>Socket families around AF_ALG/AF_VSOCK, personality values, clone flags with and without namespace bits, 64-bit edges.</summary>
    private static readonly ulong[] Values =
    [
        0, 1, 2, 8, 10, 16, 36, 37, 38, 39, 40, 41, 42, 45, 46,
        0x20000, 0x20008, 0x20001, 0xffffffff, 0x1ffffffff, 0x100000000, 0x100000026, ulong.MaxValue,
        0x11, 0x003D0F00, 0x003D0F11, 0x80000000, 0x01000000,
        0x10000000, 0x20000000, 0x40000000, 0x08000000, 0x04000000, 0x02000000, 0x00020000, 0x7E020000, 0x003D0F00 | 0x10000000,
    ];

    public static IEnumerable<SeccompData> Cases(int nr, uint audit)
    {
        foreach (var v in Values)
        {
            yield return new SeccompData(nr, audit, Arg0: v);
            yield return new SeccompData(nr, audit, Arg0: 0x11, Arg1: v, Arg2: v);
        }
    }

    internal static string TestData(string file) => Path.Combine(RepoPaths.Root, "tests", "Policy.Tests", "Import", "testdata", file);

    internal static SeccompProgram Compile(ProfileLoadResult loaded)
    {
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var r = ProfileCompiler.Emit("seccomp-bpf", loaded, HostFacts.Reference);
        Assert.True(r.Bytes is not null, string.Join("\n", r.Diagnostics));
        return SeccompProgram.FromBytes(r.Bytes);
    }

    internal static SeccompProgram ImportedDockerDefault()
    {
        var result = DockerSeccompImporter.Import(File.ReadAllText(TestData("docker-default-seccomp.json")), "docker-default-seccomp.json",
            ImportOptions.Default);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return Compile(LoadYaml("docker-default.yaml", result.Yaml!));
    }

    internal static ProfileLoadResult LoadYaml(string name, string yaml) =>
        ProfileLoader.Load(name, new MemorySource(new Dictionary<string, string> { [name] = yaml }));

    /// <summary>(arch, nr, case) triples where the filter and the oracle disagree, and how many were compared.</summary>
    internal static (List<(SeccompArch Arch, int Nr, SeccompData Data, uint Filter, uint Oracle)> Diffs, int Compared) Compare(
        SeccompProgram filter, OciSeccompOracle oracle, SeccompArch arch)
    {
        var audit = SyscallTable.AuditArch(arch);
        var offset = arch == SeccompArch.X32 ? 0x40000000 : 0;
        var numbers = SyscallTable.Numbers(arch).ToList();
        var max = numbers.Max() - offset;
        var diffs = new List<(SeccompArch, int, SeccompData, uint, uint)>();
        var compared = 0;
        for (var n = 0; n <= max + 20; n++)
        {
            var nr = n + offset;
            foreach (var data in Cases(nr, audit))
            {
                compared++;
                var got = BpfInterpreter.Run(filter, data, out _);
                var want = SyscallTable.TryGetName(arch, nr, out var name) ? oracle.Decide(name, data) : oracle.DefaultRet;
                if (got != want)
                {
                    diffs.Add((arch, nr, data, got, want));
                }
            }
        }

        return (diffs, compared);
    }

    [Theory]
    [InlineData(SeccompArch.X86_64)]
    [InlineData(SeccompArch.X86)]
    [InlineData(SeccompArch.X32)]
    public void Imported_docker_default_decides_like_the_oci_oracle_except_enosys_for_unknown_numbers(SeccompArch arch)
    {
        var oracle = new OciSeccompOracle(File.ReadAllText(TestData("docker-default-seccomp.oci.json")));
        var (diffs, compared) = Compare(ImportedDockerDefault(), oracle, arch);

        Assert.True(compared > 10_000, $"only {compared} cases");
        var unexpected = diffs.Where(x => SyscallTable.IsKnown(arch, x.Nr) || x.Filter != Enosys || x.Oracle != oracle.DefaultRet).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Take(20).Select(Describe)));

        // Exactly the numbers hctr does not know differ, in every argument case.
        var offset = arch == SeccompArch.X32 ? 0x40000000 : 0;
        var unknownNumbers = Enumerable.Range(offset, SyscallTable.Numbers(arch).Max() - offset + 21).Count(n => !SyscallTable.IsKnown(arch, n));
        Assert.Equal(unknownNumbers * Cases(0, 0).Count(), diffs.Count);
    }

    internal static string Describe((SeccompArch Arch, int Nr, SeccompData Data, uint Filter, uint Oracle) d) =>
        $"{d.Arch} nr {d.Nr} ({(SyscallTable.TryGetName(d.Arch, d.Nr, out var n) ? n : "?")}) arg0=0x{d.Data.Arg0:x} arg1=0x{d.Data.Arg1:x}: " +
        $"filter {SeccompRet.Describe(d.Filter)}, oracle {SeccompRet.Describe(d.Oracle)}";
}
