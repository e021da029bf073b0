namespace Hctr.Policy.Seccomp;

/// <summary>
/// A condition on syscall argument <paramref name="Index"/> (0..5), compared as an unsigned
/// 64-bit value, like libseccomp. <paramref name="Mask"/> is used only by <see cref="ArgOp.MaskedEq"/>.
/// On 32-bit ABIs (x86, arm) the kernel passes zero-extended 32-bit arguments, so the high
/// word the filter sees there is 0.
/// </summary>
public sealed record ArgCondition(int Index, ArgOp Op, ulong Value, ulong Mask = 0)
{
    /// <summary>Evaluates the condition on an argument value (the reference semantics).</summary>
    public bool Holds(ulong arg) => Op switch
    {
        ArgOp.Eq => arg == Value,
        ArgOp.Ne => arg != Value,
        ArgOp.Lt => arg < Value,
        ArgOp.Le => arg <= Value,
        ArgOp.Gt => arg > Value,
        ArgOp.Ge => arg >= Value,
        ArgOp.MaskedEq => (arg & Mask) == Value,
        _ => throw new ArgumentOutOfRangeException(nameof(Op), Op, "unknown argument operator"),
    };
}
