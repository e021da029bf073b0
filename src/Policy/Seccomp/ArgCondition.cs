namespace Hctr.Policy.Seccomp;

/// <summary>A 64-bit unsigned comparison of syscall argument <see cref="Index"/> (0..5).</summary>
public sealed record ArgCondition(int Index, ArgOp Op, ulong Value, ulong Mask = 0);
