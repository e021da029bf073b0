using System.Collections.Immutable;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// Builds a cBPF program from statements and label-based jumps. Conditional jumps have 8-bit
/// offsets; when a target is more than 255 instructions away the assembler routes that side
/// through an unconditional <c>JA</c> (32-bit offset) placed right after the conditional jump.
/// Layout is iterated to a fixed point; routes are only ever added, so it terminates.
/// Only forward jumps exist in cBPF; a backward target is a compiler bug and throws.
/// </summary>
internal sealed class BpfAssembler
{
    private enum Kind { Statement, Branch, Goto, Mark }

    private readonly record struct Item(Kind Kind, SockFilter Insn, int True, int False);

    private const int TrueViaJa = 1, FalseViaJa = 2;

    // A filter for a few architectures is around 750 instructions and as many labels: start big enough.
    private readonly List<Item> items = new(2048);
    private int labels;

    public BpfLabel NewLabel() => new(labels++);

    public void Mark(BpfLabel label) => items.Add(new Item(Kind.Mark, default, label.Id, 0));

    public void Emit(SockFilter statement) => items.Add(new Item(Kind.Statement, statement, 0, 0));

    /// <summary>A conditional jump: <paramref name="code"/> is BPF_JMP|op|BPF_K or BPF_X.</summary>
    public void Branch(ushort code, uint k, BpfLabel whenTrue, BpfLabel whenFalse)
    {
        if (whenTrue == whenFalse)
            Goto(whenTrue);
        else
            items.Add(new Item(Kind.Branch, new SockFilter(code, 0, 0, k), whenTrue.Id, whenFalse.Id));
    }

    public void Goto(BpfLabel target) => items.Add(new Item(Kind.Goto, default, target.Id, 0));

    /// <summary>Resolves labels and returns the instructions.</summary>
    public ImmutableArray<SockFilter> Assemble()
    {
        var modes = new int[items.Count];
        var positions = new int[items.Count];
        var labelAt = new int[labels];
        int length;
        bool changed;
        do
        {
            length = Layout(modes, positions, labelAt);
            changed = false;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Kind != Kind.Branch)
                    continue;
                var next = positions[i] + 1;
                if ((modes[i] & TrueViaJa) == 0 && Offset(labelAt, items[i].True, next) > byte.MaxValue)
                    (modes[i], changed) = (modes[i] | TrueViaJa, true);
                if ((modes[i] & FalseViaJa) == 0 && Offset(labelAt, items[i].False, next) > byte.MaxValue)
                    (modes[i], changed) = (modes[i] | FalseViaJa, true);
            }
        }
        while (changed);
        return Emit(modes, positions, labelAt, length);
    }

    private int Layout(int[] modes, int[] positions, int[] labelAt)
    {
        Array.Fill(labelAt, -1);
        var p = 0;
        for (var i = 0; i < items.Count; i++)
        {
            positions[i] = p;
            if (items[i].Kind == Kind.Mark)
                labelAt[items[i].True] = p;
            else
                p += items[i].Kind == Kind.Branch ? 1 + int.PopCount(modes[i]) : 1;
        }
        return p;
    }

    private static int Offset(int[] labelAt, int label, int from)
    {
        var target = labelAt[label];
        if (target < 0)
            throw new InvalidOperationException($"BPF label {label} was never placed");
        if (target < from)
            throw new InvalidOperationException($"BPF label {label} is behind its jump; cBPF jumps only forward");
        return target - from;
    }

    private ImmutableArray<SockFilter> Emit(int[] modes, int[] positions, int[] labelAt, int length)
    {
        var output = ImmutableArray.CreateBuilder<SockFilter>(length);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var next = positions[i] + 1;
            switch (item.Kind)
            {
                case Kind.Statement:
                    output.Add(item.Insn);
                    break;
                case Kind.Goto:
                    output.Add(Bpf.Stmt(Bpf.Jmp | Bpf.Ja, (uint)Offset(labelAt, item.True, next)));
                    break;
                case Kind.Branch:
                    // Direct sides jump straight to the label (its position already counts the
                    // JAs below); routed sides land on their JA: true first, then false.
                    var viaTrue = (modes[i] & TrueViaJa) != 0;
                    var viaFalse = (modes[i] & FalseViaJa) != 0;
                    var jt = viaTrue ? 0 : Offset(labelAt, item.True, next);
                    var jf = viaFalse ? (viaTrue ? 1 : 0) : Offset(labelAt, item.False, next);
                    output.Add(Bpf.Jump(item.Insn.Code, item.Insn.K, checked((byte)jt), checked((byte)jf)));
                    var jaNext = next + 1;
                    if (viaTrue)
                        output.Add(Bpf.Stmt(Bpf.Jmp | Bpf.Ja, (uint)Offset(labelAt, item.True, jaNext++)));
                    if (viaFalse)
                        output.Add(Bpf.Stmt(Bpf.Jmp | Bpf.Ja, (uint)Offset(labelAt, item.False, jaNext)));
                    break;
            }
        }
        return output.MoveToImmutable();
    }
}
