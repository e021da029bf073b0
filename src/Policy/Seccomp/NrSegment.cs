namespace Hctr.Policy.Seccomp;

/// <summary>Syscall numbers <see cref="Lo"/>..<see cref="Hi"/> (inclusive, unsigned) sharing one leaf.</summary>
internal readonly record struct NrSegment(uint Lo, uint Hi, NrLeaf Leaf);
