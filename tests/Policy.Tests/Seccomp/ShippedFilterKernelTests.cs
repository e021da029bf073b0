using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Seccomp;
using Hctr.Policy.Tests.Golden;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

/// <summary>
/// Each shipped profile's real filter in the real kernel. The filter is loaded in a fresh child
/// (native/seccomp-run.c: no_new_privs, seccomp(2), one syscall, prints <c>ret=R errno=E</c>), never in
/// this multithreaded test process. Allowed calls reach the kernel; denied ones fail with the errno the
/// profile configures, and the kernel decides exactly as the in-repo interpreter does.
/// </summary>
[Trait("Category", "Kernel")]
public sealed class ShippedFilterKernelTests
{
    private const int EPERM = 1, EBADF = 9, ENOSYS = 38;
    private const ulong CloneNewUser = 0x10000000, AfAlg = 38;

    private static readonly Lazy<string> Helper = new(BuildHelper);

    private static SeccompArch Native => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? SeccompArch.Aarch64 : SeccompArch.X86_64;

    public static TheoryData<string> Profiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.Profiles, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [KernelTheory]
    [MemberData(nameof(Profiles))]
    public void Allowed_calls_work_and_denied_ones_fail_as_configured(string profile)
    {
        var filter = Filter(profile);
        Assert.True(Run(filter, Nr("getpid")).Ret > 0);
        Assert.Equal((0, 0), Run(filter, Nr("write"), 1, 0, 0));           // zero bytes to stdout
        Assert.Equal((-1, EBADF), Run(filter, Nr("read"), ulong.MaxValue)); // reached the kernel, which refused fd -1
        Assert.Equal((-1, EPERM), Run(filter, Nr("mount")));
        Assert.Equal((-1, ENOSYS), Run(filter, 1000));                      // a number hctr's table does not know
    }

    [KernelTheory]
    [MemberData(nameof(Profiles))]
    public void The_kernel_decides_denials_as_the_interpreter_does(string profile)
    {
        var filter = Filter(profile);
        var program = Program(filter);
        var audit = Native == SeccompArch.X86_64 ? 0xC000003Eu : 0xC00000B7u;
        (int Nr, ulong Arg0)[] probes =
        [
            (Nr("mount"), 0), (Nr("unshare"), CloneNewUser), (Nr("ptrace"), 0), (Nr("bpf"), 0), (Nr("keyctl"), 0),
            (Nr("socket"), AfAlg), (Nr("socket"), 16), (Nr("clone3"), 0), (1000, 0),
        ];
        foreach (var (nr, arg0) in probes)
        {
            var decision = BpfInterpreter.Run(program, new SeccompData(nr, audit, Arg0: arg0), out _);
            if ((decision & 0xFFFF0000u) == 0x00050000u)
            {
                Assert.True((-1, (int)(decision & 0xFFFF)) == Run(filter, nr, arg0), $"{profile}: syscall {nr}({arg0:x})");
            }
        }
    }

    [KernelFact]
    public void Web_strict_refuses_a_new_user_namespace() =>
        Assert.Equal((-1, EPERM), Run(Filter("web-strict.yaml"), Nr("unshare"), CloneNewUser));

    [KernelFact]
    public void Default_refuses_af_alg_sockets_and_allows_af_unix()
    {
        var filter = Filter("default.yaml");
        Assert.Equal((-1, EPERM), Run(filter, Nr("socket"), AfAlg));
        var unix = Run(filter, Nr("socket"), 1, 1, 0); // AF_UNIX, SOCK_STREAM
        Assert.True(unix.Ret >= 0, $"socket(AF_UNIX) failed with errno {unix.Errno}");
    }

    private static int Nr(string name) =>
        SyscallTable.TryGetNumber(Native, name, out var nr) ? nr : throw new InvalidOperationException(name);

    private static byte[] Filter(string profile)
    {
        var loaded = ProfileLoader.Load("profiles/" + profile, new RepoRelativeSource(RepoPaths.Root));
        var result = ProfileCompiler.Emit("seccomp-bpf", loaded, HostFacts.Reference with { Arch = Native });
        Assert.True(result.Bytes is not null, string.Join("\n", result.Diagnostics));
        return result.Bytes!;
    }

    private static SeccompProgram Program(byte[] bytes) => SeccompProgram.FromBytes(bytes);

    private static (int Ret, int Errno) Run(byte[] filter, int nr, params ulong[] args)
    {
        var file = Path.Combine(Path.GetDirectoryName(Helper.Value)!, $"filter-{Guid.NewGuid():N}.bpf");
        File.WriteAllBytes(file, filter);
        try
        {
            string[] argv = [file, nr.ToString(CultureInfo.InvariantCulture), .. args.Select(a => a.ToString(CultureInfo.InvariantCulture))];
            var (exit, stdout, stderr) = HostTools.Run(Helper.Value, argv);
            Assert.True(exit == 0, $"seccomp-run exit {exit}: {stdout} {stderr}");
            var parts = stdout.Split(' ', '=');
            return (int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string BuildHelper()
    {
        var dir = Directory.CreateTempSubdirectory("hctr-shipped-filter-").FullName;
        var output = Path.Combine(dir, "seccomp-run");
        var source = Path.Combine(SourceDir(), "native", "seccomp-run.c");
        var (exit, stdout, stderr) = HostTools.Run(HostTools.Find("cc")!, "-O1", "-Wall", "-o", output, source);
        return exit == 0 ? output : throw new InvalidOperationException($"cc failed ({exit}): {stdout} {stderr}");
    }

    private static string SourceDir([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
