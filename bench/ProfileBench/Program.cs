using System.Collections.Immutable;
using System.Diagnostics;
using Hctr.Policy;
using Hctr.Policy.Compile;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Plan;
using Hctr.Policy.Seccomp;

// Usage: ProfileBench PROFILE.yaml
// Prints, for one profile: rule count, filter size, instructions executed per x86_64 syscall number
// (average and worst, in hctr's cBPF interpreter), and warm compile figures: YAML -> validated profile,
// profile -> seccomp filter, profile -> whole LaunchPlan, and the three together (profiles/second), each as the
// best and the median of five batches by wall clock, and the median by CPU time. On a shared machine the
// wall-clock figures swing with the load: run it a few times.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: ProfileBench PROFILE.yaml");
    return 2;
}

var path = args[0];
var text = File.ReadAllText(path);
var name = Path.GetFileName(path);
var host = HostFacts.Reference;

ProfileLoadResult Load() => ProfileLoader.LoadText(name, text);
var loaded = Load();
if (loaded.Profile is not { } profile)
{
    foreach (var d in loaded.Diagnostics) Console.Error.WriteLine(d.Render());
    return 1;
}

var bpf = ProfileCompiler.Emit("seccomp-bpf", loaded, host).Bytes!;
var program = SeccompProgram.FromBytes(bpf);

var maxNr = SyscallTable.Names(SeccompArch.X86_64).Max(n => SyscallTable.TryGetNumber(SeccompArch.X86_64, n, out var nr) ? nr : 0);
long total = 0;
var worst = 0;
for (var nr = 0; nr <= maxNr; nr++)
{
    BpfInterpreter.Run(program, new SeccompData(nr, SyscallTable.AuditArch(SeccompArch.X86_64)), out var executed);
    total += executed;
    worst = Math.Max(worst, executed);
}

var rules = profile.Seccomp.Rules;
Console.WriteLine($"profile: {name} ({rules.Length} seccomp rules naming {rules.Sum(r => r.Expanded.Length)} syscalls; architectures {(profile.Seccomp.Architectures.IsEmpty ? "native" : string.Join(",", profile.Seccomp.Architectures.Select(a => a.Value)))})");
Console.WriteLine($"filter: {program.Instructions.Length} instructions; per x86_64 syscall 0..{maxNr}: avg {(double)total / (maxNr + 1):F2}, worst {worst} instructions executed");

// Warm-up: the whole path for about two seconds, so tiered compilation has settled on optimised code for
// every stage before any of them is timed (a few hundred calls leave much of it unoptimised or mid-rejit).
var warm = Stopwatch.StartNew();
while (warm.Elapsed.TotalSeconds < 2)
{
    PlanCompiler.Compile(Load().Profile!, LaunchRequest.Example, host);
    ProfileCompiler.Emit("seccomp-bpf", loaded, host);
}

// Each figure: 5 batches of 200 calls, microseconds per call: the best and the median batch by wall clock, and
// the median batch by the process's CPU time (which leaves out the time the machine ran other work instead).
(double Best, double Median, double Cpu) Measure(Action work)
{
    for (var i = 0; i < 300; i++) work();
    var wall = new double[5];
    var cpu = new double[5];
    for (var batch = 0; batch < wall.Length; batch++)
    {
        const int runs = 200;
        var cpu0 = Environment.CpuUsage.TotalTime;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++) work();
        wall[batch] = sw.Elapsed.TotalMicroseconds / runs;
        cpu[batch] = (Environment.CpuUsage.TotalTime - cpu0).TotalMicroseconds / runs;
    }

    Array.Sort(wall);
    Array.Sort(cpu);
    return (wall[0], wall[wall.Length / 2], cpu[cpu.Length / 2]);
}

// Two rounds, the second reported: in the first, whichever stage is timed right after another could still be
// finishing its tier-up (it showed as a seccomp figure twice the whole plan's).
(double Best, double Median, double Cpu) tLoad = default, tSeccomp = default, tPlan = default, tAll = default;
for (var round = 0; round < 2; round++)
{
    tLoad = Measure(() => Load());
    tSeccomp = Measure(() => ProfileCompiler.Emit("seccomp-bpf", loaded, host));
    tPlan = Measure(() => PlanCompiler.Compile(profile, LaunchRequest.Example, host));
    tAll = Measure(() => PlanCompiler.Compile(Load().Profile!, LaunchRequest.Example, host));
}

Console.WriteLine($"warm, best of 5 batches of 200: parse+validate {tLoad.Best:F0} us, seccomp compile {tSeccomp.Best:F0} us, plan compile {tPlan.Best:F0} us");
Console.WriteLine($"YAML text -> LaunchPlan: {tAll.Best:F0} us per profile = {1_000_000 / tAll.Best:F0} profiles/second");
Console.WriteLine($"median batch: parse+validate {tLoad.Median:F0} us, seccomp compile {tSeccomp.Median:F0} us, plan compile {tPlan.Median:F0} us; " +
    $"YAML text -> LaunchPlan {tAll.Median / 1000:F2} ms (target: well under 1 ms)");
Console.WriteLine($"median batch, CPU time: parse+validate {tLoad.Cpu:F0} us, seccomp compile {tSeccomp.Cpu:F0} us, plan compile {tPlan.Cpu:F0} us; " +
    $"YAML text -> LaunchPlan {tAll.Cpu / 1000:F2} ms");
return 0;
