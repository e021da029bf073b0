using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Hctr.Policy.Seccomp;
using Hctr.Policy.Tests.Seccomp;

// Usage: FilterCost [--names FILE] [--libseccomp-bpf FILE]
//   --names FILE           write the @default allow-list names (one per line) and exit
//   --libseccomp-bpf FILE  also measure a filter exported by libseccomp (raw sock_filter bytes)

var argsList = args.ToList();
string? Option(string name)
{
    var i = argsList.IndexOf(name);
    return i >= 0 && i + 1 < argsList.Count ? argsList[i + 1] : null;
}

var set = DockerDefaultRuleSet.Create();
if (Option("--names") is { } namesFile)
{
    File.WriteAllLines(namesFile, set.Rules[0].Syscalls);
    return 0;
}

var tables = RuleResolver.Resolve(set, out var notOnArch);
var result = BpfCompiler.Compile(tables, SeccompArch.X86_64);
if (result.Program is null)
{
    Console.Error.WriteLine($"compile failed: {result.Error}");
    return 1;
}
var program = result.Program;

// Every x86_64 number up to the table's highest, plus 64 unknown numbers above it.
var maxNr = SyscallTable.Names(SeccompArch.X86_64).Max(n => SyscallTable.TryGetNumber(SeccompArch.X86_64, n, out var nr) ? nr : 0);
var numbers = Enumerable.Range(0, maxNr + 65).ToArray();

// Warm compile time (resolve + compile) per run: the best of 5 batches, after warm-up long
// enough for tiered JIT to finish, so other load on the machine distorts it less.
for (var i = 0; i < 300; i++)
    BpfCompiler.Compile(RuleResolver.Resolve(set, out _), SeccompArch.X86_64);
Thread.Sleep(200);
const int runs = 200;
var compileMicros = double.MaxValue;
var compileCpuMicros = double.MaxValue;
var self = Process.GetCurrentProcess();
for (var batch = 0; batch < 5; batch++)
{
    self.Refresh();
    var cpu = self.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < runs; i++)
        BpfCompiler.Compile(RuleResolver.Resolve(set, out _), SeccompArch.X86_64);
    compileMicros = Math.Min(compileMicros, sw.Elapsed.TotalMicroseconds / runs);
    self.Refresh();
    compileCpuMicros = Math.Min(compileCpuMicros, (self.TotalProcessorTime - cpu).TotalMicroseconds / runs);
}

var ruleCount = set.Rules.Sum(r => r.Syscalls.Length);
var resolved = tables.Sum(t => t.Rules.Sum(kv => kv.Value.Length));
Console.WriteLine($"rule set: Docker default (amd64, 14 caps): {set.Rules.Length} named rules, {ruleCount} syscall rules, {resolved} resolved (arch, nr) rules for x86_64/x86/x32");
Console.WriteLine($"not on arch: {notOnArch.Length} (name, arch) pairs skipped");
Console.WriteLine($"x86_64 numbers measured: 0..{numbers[^1]} ({numbers.Length}); table max {maxNr}");
Console.WriteLine();
Console.WriteLine($"{"filter",-28} {"instructions",12} {"avg exec",9} {"worst",6}");
Print("hctr (binary search)", program, numbers);
if (Option("--libseccomp-bpf") is { } file)
{
    Print("libseccomp 2.5 (optimize=2)", SeccompProgram.FromBytes(File.ReadAllBytes(file)), numbers);
}
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"hctr compile time (resolve + compile, warm): {compileMicros:F1} µs wall, {compileCpuMicros:F1} µs CPU per compile (best of 5 batches of {runs}; CPU includes GC threads)"));
return 0;

static void Print(string name, SeccompProgram p, int[] numbers)
{
    long total = 0;
    var worst = 0;
    foreach (var nr in numbers)
    {
        BpfInterpreter.Run(p, new SeccompData(nr, 0xC000003E), out var executed);
        total += executed;
        worst = Math.Max(worst, executed);
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-28} {p.Instructions.Length,12} {(double)total / numbers.Length,9:F2} {worst,6}"));
}
