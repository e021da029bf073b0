namespace Hctr.Policy.Seccomp;

/// <summary>Internal signal from the compiler's helpers; <see cref="BpfCompiler"/> turns it into an error result.</summary>
internal sealed class SeccompCompileException(string message) : Exception(message);
