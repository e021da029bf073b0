using CsCheck;
using Hctr.Policy.Compile;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Plan;
using Hctr.Policy.Tests.Golden;
using Xunit;

namespace Hctr.Policy.Tests.Compile;

/// <summary>
/// The wire form the init stage and the plan cache read: every shipped profile's plan (with and without Landlock)
/// comes back field for field (compared through the canonical JSON), and damaged input is refused whole.
/// </summary>
[Trait("Category", "Unit")]
public class PlanWireTests
{
    public static TheoryData<string> ShippedProfiles() => PlanBinderTests.ShippedProfiles();

    private static LaunchPlan Compile(string file, HostFacts host)
    {
        var loaded = ProfileLoader.Load("profiles/" + file, new RepoRelativeSource(RepoPaths.Root));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var request = new LaunchRequest
        {
            Argv = ["/bin/sh", "-c", "echo ünïcode ✓"],
            Env = ["PATH=/bin", "EMPTY="],
            AdditionalGids = [10, 65534],
            Terminal = true,
            Init = true,
        };
        var result = PlanCompiler.Compile(loaded.Profile!, request, host);
        Assert.True(result.Plan is not null, string.Join("\n", result.Diagnostics));
        return result.Plan!;
    }

    [Theory]
    [MemberData(nameof(ShippedProfiles))]
    public void Every_shipped_plan_round_trips(string file)
    {
        foreach (var host in new[] { HostFacts.Reference, HostFacts.Reference with { LandlockAbi = 0 } })
        {
            var plan = Compile(file, host);
            var back = PlanWire.Read(PlanWire.Write(plan));
            Assert.Equal(PlanJson.SerializeToString(plan), PlanJson.SerializeToString(back));
        }
    }

    [Fact]
    public void Every_truncation_and_any_trailing_byte_is_refused()
    {
        byte[] wire = PlanWire.Write(Compile("default.yaml", HostFacts.Reference));
        for (int n = 0; n < wire.Length; n++)
        {
            Assert.Throws<InvalidDataException>(() => PlanWire.Read(wire.AsSpan(0, n)));
        }

        Assert.Throws<InvalidDataException>(() => PlanWire.Read([.. wire, 0]));
    }

    [Fact]
    public void A_wrong_magic_or_version_is_refused()
    {
        byte[] wire = PlanWire.Write(Compile("default.yaml", HostFacts.Reference));
        byte[] magic = [.. wire];
        magic[0] ^= 0x20;
        Assert.Contains("bad magic", Assert.Throws<InvalidDataException>(() => PlanWire.Read(magic)).Message);
        byte[] version = [.. wire];
        version[8] = 2;
        Assert.Contains("version 2", Assert.Throws<InvalidDataException>(() => PlanWire.Read(version)).Message);
        Assert.Throws<InvalidDataException>(() => PlanWire.Read(PlanJson.Serialize(Compile("default.yaml", HostFacts.Reference))));
    }

    /// <summary>Any damage gives a refusal or some plan, never another exception (and never a hang or a huge allocation).</summary>
    [Fact]
    public void Mutations_only_refuse()
    {
        byte[] wire = PlanWire.Write(Compile("web-strict.yaml", HostFacts.Reference));
        Gen.Select(Gen.Int[0, wire.Length - 1], Gen.Byte, Gen.Int[1, 3]).Sample((at, value, count) =>
        {
            byte[] bytes = [.. wire];
            for (int i = 0; i < count && at + i < bytes.Length; i++)
            {
                bytes[at + i] = value;
            }

            try
            {
                PlanWire.Read(bytes);
            }
            catch (InvalidDataException)
            {
                // Expected for most.
            }
        }, iter: 3000);
    }
}
