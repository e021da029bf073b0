namespace Hctr.Policy.Seccomp;

/// <summary>A forward jump target in a <see cref="BpfAssembler"/>.</summary>
internal readonly record struct BpfLabel(int Id);
