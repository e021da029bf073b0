namespace Hctr.Policy.Seccomp;

/// <summary>Either a program or an error message saying why none could be built.</summary>
public sealed record SeccompCompileResult(SeccompProgram? Program, string? Error)
{
    public bool Success => Program is not null;
}
