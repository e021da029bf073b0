using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

[Trait("Category", "Unit")]
public sealed class SyscallTableTests
{
    [Theory]
    [InlineData(SeccompArch.X86_64, "read", 0)]
    [InlineData(SeccompArch.X86_64, "openat", 257)]
    [InlineData(SeccompArch.X86_64, "clone3", 435)]
    [InlineData(SeccompArch.X86_64, "mseal", 462)]
    [InlineData(SeccompArch.X86, "socketcall", 102)]
    [InlineData(SeccompArch.X86, "socket", 359)]
    [InlineData(SeccompArch.X32, "read", 0x40000000)]
    [InlineData(SeccompArch.X32, "rt_sigaction", 0x40000200)]
    [InlineData(SeccompArch.Aarch64, "openat", 56)]
    [InlineData(SeccompArch.Arm, "set_tls", 0xF0005)]
    public void TryGetNumber_KnownNames(SeccompArch arch, string name, int expected)
    {
        Assert.True(SyscallTable.TryGetNumber(arch, name, out var nr));
        Assert.Equal(expected, nr);
        Assert.True(SyscallTable.TryGetName(arch, nr, out var back));
        Assert.Equal(name, back);
        Assert.True(SyscallTable.IsKnown(arch, nr));
    }

    [Fact]
    public void ArchSpecificNames_AreMissingElsewhere()
    {
        Assert.False(SyscallTable.TryGetNumber(SeccompArch.Aarch64, "arch_prctl", out _));
        Assert.False(SyscallTable.TryGetNumber(SeccompArch.Aarch64, "open", out _));
        Assert.False(SyscallTable.IsKnown(SeccompArch.X86_64, 1000));
        Assert.False(SyscallTable.IsKnown(SeccompArch.X86_64, -1));
        Assert.True(SyscallTable.IsKnownAnywhere("arch_prctl"));
        Assert.False(SyscallTable.IsKnownAnywhere("no_such_call"));
    }

    [Fact]
    public void AuditArch_Values()
    {
        Assert.Equal(0xC000003Eu, SyscallTable.AuditArch(SeccompArch.X86_64));
        Assert.Equal(0xC000003Eu, SyscallTable.AuditArch(SeccompArch.X32));
        Assert.Equal(0x40000003u, SyscallTable.AuditArch(SeccompArch.X86));
        Assert.Equal(0xC00000B7u, SyscallTable.AuditArch(SeccompArch.Aarch64));
        Assert.Equal(0x40000028u, SyscallTable.AuditArch(SeccompArch.Arm));
    }

    [Theory]
    [InlineData("opneat", "openat")]
    [InlineData("mmpa", "mmap")]
    [InlineData("clone4", "clone3")]
    [InlineData("arch_prtcl", "arch_prctl")]
    public void Suggest_FindsCloseName(string typo, string expected) => Assert.Equal(expected, SyscallTable.Suggest(typo));

    [Theory]
    [InlineData("zzzzzzzzzzzz")]
    [InlineData("")]
    [InlineData("read")]
    public void Suggest_NothingCloseOrAlreadyKnown(string name) => Assert.Null(SyscallTable.Suggest(name));

    [Fact]
    public void Names_AreUniquePerNumber()
    {
        foreach (var arch in Enum.GetValues<SeccompArch>())
        {
            var numbers = SyscallTable.Names(arch).Select(n => SyscallTable.TryGetNumber(arch, n, out var nr) ? nr : -1).ToList();
            Assert.DoesNotContain(-1, numbers);
            Assert.Equal(numbers.Count, numbers.Distinct().Count());
            if (arch == SeccompArch.X32)
                Assert.All(numbers, n => Assert.True(n >= 0x40000000));
        }
    }

    /// <summary>
    /// The checked-in tables agree with libseccomp's scmp_sys_resolver on this machine: every
    /// name resolves to our number, except supplement entries (syscalls newer than the
    /// resolver, which then knows neither name nor number) and x86's direct socket calls
    /// (the resolver turns those names into socketcall pseudo-numbers but maps the numbers
    /// back to the names); numbers in gaps are unknown to it too.
    /// </summary>
    [RequiresToolFact("scmp_sys_resolver")]
    public void Tables_MatchScmpSysResolver()
    {
        var resolver = HostTools.Find("scmp_sys_resolver")!;
        var mismatches = new List<string>();
        Parallel.ForEach(Enum.GetValues<SeccompArch>(), arch =>
        {
            var toolArch = SeccompArchNames.ToName(arch);
            var known = new HashSet<int>();
            foreach (var name in SyscallTable.Names(arch))
            {
                SyscallTable.TryGetNumber(arch, name, out var nr);
                known.Add(nr);
                var byName = HostTools.Run(resolver, "-a", toolArch, name).Stdout;
                if (byName == nr.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    continue;
                var byNumber = HostTools.Run(resolver, "-a", toolArch, nr.ToString(System.Globalization.CultureInfo.InvariantCulture)).Stdout;
                var nameUnknown = byName.StartsWith('-') || byName == "UNKNOWN";
                // Supplement: the resolver knows neither. x86 socket calls: libseccomp maps the
                // name to its socketcall pseudo-number (negative) but the number to the name.
                var consistent = nameUnknown && (byNumber == "UNKNOWN" || byNumber == name);
                if (!consistent)
                    lock (mismatches) mismatches.Add($"{toolArch} {name}: table {nr}, resolver {byName} / {byNumber}");
            }
            var low = arch == SeccompArch.X32 ? 0x40000000 : 0;
            var high = known.Where(n => arch != SeccompArch.Arm || n < 0xF0000).Max();
            for (var nr = low; nr <= high; nr++)
            {
                if (known.Contains(nr))
                    continue;
                var byNumber = HostTools.Run(resolver, "-a", toolArch, nr.ToString(System.Globalization.CultureInfo.InvariantCulture)).Stdout;
                if (byNumber != "UNKNOWN")
                    lock (mismatches) mismatches.Add($"{toolArch} {nr}: missing from the table, resolver says {byNumber}");
            }
        });
        Assert.Empty(mismatches);
    }
}
