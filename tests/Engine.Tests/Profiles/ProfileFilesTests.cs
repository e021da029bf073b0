using Hctr.Engine.Containers;
using Hctr.Engine.Profiles;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Plan;
using Xunit;

namespace Hctr.Engine.Tests.Profiles;

[Trait("Category", "Unit")]
public sealed class ProfileFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hctr-pf-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static LaunchRequest Request => new() { Argv = ["/bin/true"], ContainerId = "c1" };

    [Fact]
    public void An_auto_range_comes_from_the_allocator()
    {
        var (plan, diagnostics) = ProfileFiles.Compile(DefaultProfile(), Request, HostFacts.Reference, _ => 3_000_000);
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        Assert.Equal(3_000_000u, plan!.IdMaps.Uid[0].HostId);
    }

    [Fact]
    public void No_range_is_a_located_error_on_the_user_namespace_line()
    {
        File.WriteAllText(Path.Combine(_root, "subuid"), $"everyone:{IdRangeAllocator.FirstHostId}:{uint.MaxValue - IdRangeAllocator.FirstHostId}\n");
        var allocator = new IdRangeAllocator(_root, subuidPath: Path.Combine(_root, "subuid"), subgidPath: Path.Combine(_root, "subgid"));
        var (plan, diagnostics) = ProfileFiles.Compile(DefaultProfile(), Request, HostFacts.Reference, size => allocator.Claim("c1", size));
        Assert.Null(plan);
        var error = Assert.Single(diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.NoHostIdRange, error.Code);
        Assert.EndsWith("default.yaml", error.Location.File);
        Assert.Equal(FindLine(DefaultProfile(), "mode: auto"), error.Location.Line);
        Assert.Contains("subuid", error.Render());
    }

    private static int FindLine(string path, string text) => Array.FindIndex(File.ReadAllLines(path), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    private static string DefaultProfile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "profiles", "default.yaml");
            if (File.Exists(Path.Combine(dir.FullName, "Hardened.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("profiles/default.yaml not found above " + AppContext.BaseDirectory);
    }
}
