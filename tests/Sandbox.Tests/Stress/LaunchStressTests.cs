using System.Diagnostics;
using Hctr.Sandbox.Cgroups;
using Xunit.Abstractions;

namespace Hctr.Sandbox.Tests.Stress;

/// <summary>
/// STYLE.md §3: many launches from this (multithreaded, allocating) process through the native clone helper,
/// while another thread allocates hard. Each launch has a timeout, so a child stuck at a GC poll shows up as a
/// failure, not a hung run. Count: HCTR_STRESS_LAUNCHES (default 500).
/// </summary>
[Collection(HctrCollection.Name)]
[Trait("Category", "Kernel")]
public sealed class LaunchStressTests(BusyboxRootfs rootfs, ITestOutputHelper output) : IClassFixture<BusyboxRootfs>
{
    [Fact]
    public void Launches_never_hang_while_another_thread_allocates()
    {
        int launches = int.TryParse(Environment.GetEnvironmentVariable("HCTR_STRESS_LAUNCHES"), out int n) ? n : 500;
        using var stop = new CancellationTokenSource();
        long allocated = 0;
        var allocator = new Thread(() =>
        {
            var keep = new List<byte[]>();
            while (!stop.IsCancellationRequested)
            {
                keep.Add(new byte[Random.Shared.Next(16, 64 << 10)]);
                if (keep.Count > 2000)
                {
                    keep.Clear();
                }

                Interlocked.Increment(ref allocated);
            }
        }) { IsBackground = true };
        allocator.Start();

        var options = new LaunchOptions
        {
            InitExecutable = HctrBinary.InitPath,
            Cgroups = new CgroupV1Manager(),
            ForwardSignals = false,
            Timeout = TimeSpan.FromSeconds(20),
        };
        var plan = TestPlans.Default(rootfs.Path, "/bin/true");
        Assert.Equal(0, Launcher.Run(plan, options).ExitCode); // warm-up: the runtime opens its own fds lazily once
        int fdsBefore = Directory.GetFiles("/proc/self/fd").Length;
        var sw = Stopwatch.StartNew();
        int failures = 0, timeouts = 0;
        for (int i = 0; i < launches; i++)
        {
            var result = Launcher.Run(plan, options);
            timeouts += result.TimedOut ? 1 : 0;
            failures += result.ExitCode != 0 ? 1 : 0;
        }

        stop.Cancel();
        allocator.Join();
        int fdsAfter = Directory.GetFiles("/proc/self/fd").Length;
        output.WriteLine($"{launches} launches in {sw.Elapsed.TotalSeconds:F1} s ({sw.Elapsed.TotalMilliseconds / launches:F1} ms each), {allocated} allocations, fds {fdsBefore} -> {fdsAfter}");
        Assert.Equal(0, timeouts);
        Assert.Equal(0, failures);
        Assert.InRange(fdsAfter, 0, fdsBefore + 2); // constant, not per launch
        Assert.False(Directory.Exists(Path.Combine("/sys/fs/cgroup/pids", plan.Cgroup.Name)));
    }
}
