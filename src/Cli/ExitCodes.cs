namespace Hctr.Cli;

/// <summary>Exit codes shared by all commands. <c>run</c> adds docker's 125/126/127 and the container's own status.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The input was read and found wanting: validation errors, lint findings, policy violations.</summary>
    public const int Findings = 1;

    /// <summary>Usage or input errors: bad arguments, missing or unreadable files.</summary>
    public const int Usage = 2;

    public const int Internal = 70;
}
