namespace Hctr.Policy.Seccomp;

/// <summary>One classic BPF instruction (<c>struct sock_filter</c>).</summary>
public readonly record struct SockFilter(ushort Code, byte Jt, byte Jf, uint K);
