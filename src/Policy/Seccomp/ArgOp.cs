namespace Hctr.Policy.Seccomp;

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
