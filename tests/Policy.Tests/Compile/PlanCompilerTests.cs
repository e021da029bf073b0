using Hctr.Policy.Compile;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;
using Xunit;
using static Hctr.Policy.Tests.Compile.ProfileBuilder;

namespace Hctr.Policy.Tests.Compile;

[Trait("Category", "Unit")]
public class PlanCompilerTests
{
    [Fact]
    public void Same_inputs_give_the_same_plan_bytes()
    {
        var p = Strict().WithCaps(Capabilities.Capability.NetBindService).WithAccess(("/", Model.FileAccess.Read | Model.FileAccess.Execute))
            .WithModes(NetworkMode.Bridge).WithTcp([Ports(80, 80), Ports(443, 443)], [Ports(5432, 5432)]);
        var a = PlanJson.Serialize(CompileOk(p));
        var b = PlanJson.Serialize(CompileOk(Strict().WithCaps(Capabilities.Capability.NetBindService).WithAccess(("/", Model.FileAccess.Read | Model.FileAccess.Execute))
            .WithModes(NetworkMode.Bridge).WithTcp([Ports(80, 80), Ports(443, 443)], [Ports(5432, 5432)])));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Plan_round_trips_through_plan_json()
    {
        var plan = CompileOk(Strict().WithAccess(("/", Model.FileAccess.Read)));
        var bytes = PlanJson.Serialize(plan);
        var again = PlanJson.Serialize(PlanJson.Deserialize(bytes));
        Assert.Equal(bytes, again);
        Assert.Equal(plan.Landlock!.RestrictSelfFlags, PlanJson.Deserialize(bytes).Landlock!.RestrictSelfFlags);
    }

    [Fact]
    public void Errors_withhold_the_plan_and_all_are_reported()
    {
        var p = Strict() with { Rlimits = [new RlimitEntry("nofiles", 1, 1, At(50))] };
        var r = Run(p, Request() with { Argv = [], Network = NetworkMode.Host });
        Assert.Null(r.Plan);
        var errors = r.Codes(Severity.Error).ToList();
        Assert.Contains(DiagnosticCodes.UnknownRlimit, errors);
        Assert.Contains(DiagnosticCodes.BadLaunchRequest, errors);
        Assert.Contains(DiagnosticCodes.RequestNotAllowed, errors);
    }

    [Fact]
    public void Plan_carries_profile_facts()
    {
        var plan = CompileOk(Strict());
        Assert.Equal("strict", plan.ProfileName);
        Assert.StartsWith("sha256:", plan.ProfileDigest);
        Assert.True(plan.NoNewPrivileges);
        Assert.Equal(At(2), plan.NoNewPrivilegesOrigin);
        Assert.True(plan.Rootfs.ReadOnly);
        Assert.Equal(["/proc/kcore", "/proc/keys"], plan.MaskedPaths.Select(p => p.Path));
        Assert.Equal(["/proc/sys"], plan.ReadOnlyPaths.Select(p => p.Path));
        Assert.Equal("hctr-strict", plan.AppArmor.ProfileName);
        Assert.True(plan.AppArmor.Load);
    }

    [Fact]
    public void Digest_changes_with_the_profile()
    {
        Assert.NotEqual(CompileOk(Strict()).ProfileDigest, CompileOk(Strict().WithCaps(Capabilities.Capability.Chown)).ProfileDigest);
    }

    [Fact]
    public void Empty_masked_and_readonly_lists_stay_empty()
    {
        var p = Strict() with { Filesystem = Strict().Filesystem with { MaskedPaths = [], ReadOnlyPaths = [] } };
        var plan = CompileOk(p);
        Assert.Empty(plan.MaskedPaths);
        Assert.Empty(plan.ReadOnlyPaths);
    }

    [Fact]
    public void Public_compile_runs_the_real_seccomp_stage()
    {
        var plan = CompileWith(Strict());
        Assert.True(plan.Seccomp.InstructionCount > 0);
        Assert.Equal(plan.Seccomp.InstructionCount * 8, Convert.FromBase64String(plan.Seccomp.Program).Length);
    }

    private static Hctr.Policy.Plan.LaunchPlan CompileWith(Hctr.Policy.Model.SecurityProfile p)
    {
        var r = PlanCompiler.Compile(p, Request(), HostWith());
        Assert.True(r.Plan is not null, string.Join("\n", r.Diagnostics));
        return r.Plan!;
    }

    [Fact]
    public void No_new_privileges_follows_the_profile()
    {
        Assert.False(CompileOk(Strict() with { NoNewPrivileges = L(false, 2) }).NoNewPrivileges);
    }
}
