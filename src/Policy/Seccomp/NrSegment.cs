namespace Hctr.Policy.Seccomp;

/// <summary>
/// Syscall numbers <see cref="Lo"/>..<see cref="Hi"/> (inclusive, unsigned) sharing one leaf.
/// <see cref="Weight"/> is how much the search tree should favour the segment (see
/// <see cref="SyscallRanges"/>); always at least 1.
/// </summary>
internal readonly record struct NrSegment(uint Lo, uint Hi, NrLeaf Leaf, long Weight);
