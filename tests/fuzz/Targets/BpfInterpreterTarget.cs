using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hctr.Fuzz.Engine;
using Hctr.Fuzz.Mutation;
using Hctr.Policy;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Seccomp;

namespace Hctr.Fuzz.Targets;

/// <summary>
/// The cBPF interpreter and disassembler on random programs (<see cref="BpfInput"/> format). The
/// interpreter may refuse a program only with <see cref="InvalidProgramException"/>; the disassembler,
/// which renders any program, may not throw at all. Mutation is mostly instruction-aware: real
/// opcodes, short jumps, seccomp_data offsets and return actions as constants.
/// </summary>
internal sealed class BpfInterpreterTarget : FuzzTarget
{
    private const int MaxInstructions = 4096; // BPF_MAXINSNS

    private static readonly ushort[] Opcodes =
    [
        0x20, 0x00, 0x60, 0x80, 0x01, 0x61, 0x81, 0x02, 0x03, 0x04, 0x14, 0x24, 0x34, 0x44, 0x54, 0x64, 0x74, 0x84, 0x94, 0xa4,
        0x0c, 0x1c, 0x2c, 0x3c, 0x4c, 0x5c, 0x6c, 0x7c, 0x9c, 0xac, 0x05, 0x15, 0x25, 0x35, 0x45, 0x1d, 0x2d, 0x3d, 0x4d,
        0x06, 0x16, 0x07, 0x87, 0x28, 0x30, 0x40, 0x48, 0x50, 0xb1, 0xc4, 0xd4, 0xe4, 0xf4, 0xffff,
    ];

    private static readonly uint[] Constants =
    [
        0, 1, 4, 8, 12, 16, 20, 60, 63, 64, 68, 0xfffffffc, 31, 32, 0xc000003e, 0x40000003, 0x40000000, 0x7fff0000, 0x7ffc0000,
        0x00050001, 0x80000000, 0x00030000, 0x7fc00000, 0xffffffff, 0x7fffffff, 0x80000001, 15, 16, 4096,
    ];

    private static readonly string[] Tokens = ["\0\0\0\0", "\u0006\0\0\0\0\0\u00ff\u007f", "\u0015\0\u0001\0"];

    public override string Name => "bpf";

    public override string Description => "BpfInterpreter.Run and BpfDisassembler on random programs (only InvalidProgramException)";

    public override string Execute(byte[] input)
    {
        var code = input.AsSpan(Math.Min(BpfInput.DataSize, input.Length));
        var program = BpfInput.Program(code[..Math.Min(code.Length, (MaxInstructions + 1) * 8)]);
        _ = BpfDisassembler.Disassemble(program);
        var ret = BpfInterpreter.Run(program, BpfInput.Data(input), out var executed);
        if (executed < 1 || executed > program.Instructions.Length)
        {
            throw new FuzzPropertyException($"{executed} instructions executed in a program of {program.Instructions.Length} (cBPF only jumps forward)");
        }

        // The action (unknown action values collapse to one) and how far the program ran, roughly.
        var action = ret & 0xFFFF0000;
        var known = action is 0x80000000 or 0 or 0x00030000 or 0x00050000 or 0x7fc00000 or 0x7ff00000 or 0x7ffc0000 or 0x7fff0000;
        return $"ret:{(known ? action.ToString("x8", CultureInfo.InvariantCulture) : "other")}:{31 - int.LeadingZeroCount(executed)}";
    }

    public override bool IsDeclared(Exception e) => e is InvalidProgramException;

    public override string DeclaredSignature(Exception e) => "invalid:" + Regex.Replace(e.Message, "0x[0-9a-f]+|[0-9]+", "#");

    public override byte[] Mutate(byte[] input, Random random, IReadOnlyList<byte[]> pool)
    {
        if (random.Next(5) == 0)
        {
            return ByteMutator.Mutate(input, random, pool, Tokens);
        }

        var data = BpfInput.Data(input);
        var code = input.AsSpan(Math.Min(BpfInput.DataSize, input.Length));
        var ins = BpfInput.Program(code[..Math.Min(code.Length, 4200 * 8)]).Instructions.ToList();
        for (var r = 1 + random.Next(3); r > 0; r--)
        {
            data = MutateOnce(ins, data, random);
        }

        return BpfInput.Encode(data, ins);
    }

    public override IEnumerable<(string Name, byte[] Bytes)> RepositorySeeds(string repoRoot)
    {
        foreach (var (name, bytes) in ShippedProfiles.Seeds(repoRoot))
        {
            var loaded = ProfileLoader.LoadText(name, Encoding.UTF8.GetString(bytes));
            if (ProfileCompiler.Emit("seccomp-bpf", loaded, HostFacts.Reference).Bytes is { } filter)
            {
                yield return (name + " (seccomp-bpf, read on x86_64)", [.. BpfInput.Encode(new SeccompData(0, 0xC000003E), []), .. filter]);
            }
        }
    }

    private static SeccompData MutateOnce(List<SockFilter> ins, SeccompData data, Random random)
    {
        var i = ins.Count == 0 ? 0 : random.Next(ins.Count);
        switch (random.Next(9))
        {
            case 0 when ins.Count > 0:
                ins[i] = ins[i] with { Code = Opcodes[random.Next(Opcodes.Length)] };
                break;
            case 1 when ins.Count > 0:
                ins[i] = ins[i] with { Jt = (byte)random.Next(random.Next(2) == 0 ? 4 : 256), Jf = (byte)random.Next(random.Next(2) == 0 ? 4 : 256) };
                break;
            case 2 when ins.Count > 0:
                ins[i] = ins[i] with { K = random.Next(3) == 0 ? (uint)random.NextInt64(0, 1L << 32) : Constants[random.Next(Constants.Length)] };
                break;
            case 3 when ins.Count > 0:
                ins.RemoveAt(i);
                break;
            case 4 when ins.Count > 0:
                ins.Insert(i, ins[random.Next(ins.Count)]);
                break;
            case 5:
                ins.Insert(i, new SockFilter(Opcodes[random.Next(Opcodes.Length)], (byte)random.Next(3), (byte)random.Next(3), Constants[random.Next(Constants.Length)]));
                break;
            case 6 when ins.Count > 0 && random.Next(8) == 0:
                ins.AddRange(Enumerable.Repeat(ins[i], random.Next(2) == 0 ? Math.Max(0, MaxInstructions - ins.Count) : 1 + random.Next(8)));
                break;
            case 7:
                return data with { Nr = random.Next(2) == 0 ? random.Next(-2, 1100) : (int)Constants[random.Next(Constants.Length)] };
            default:
                return data with
                {
                    Arch = Constants[random.Next(Constants.Length)],
                    Arg0 = random.Next(2) == 0 ? (ulong)random.NextInt64() : Constants[random.Next(Constants.Length)] | ((ulong)Constants[random.Next(Constants.Length)] << 32),
                };
        }

        return data;
    }
}
