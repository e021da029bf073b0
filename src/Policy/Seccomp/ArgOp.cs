namespace Hctr.Policy.Seccomp;

/// <summary>
/// Comparison of a 64-bit syscall argument with a constant; all unsigned.
/// <see cref="MaskedEq"/> holds when <c>(arg &amp; Mask) == Value</c>.
/// </summary>
public enum ArgOp
{
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    MaskedEq,
}
