namespace Hctr.Policy.Model;

/// <summary>Null values mean "no limit" (which lint flags).</summary>
public sealed record ResourceProfile(
    Located<ulong?> MemoryBytes,
    Located<long?> PidsMax,
    CpuProfile? Cpu);
