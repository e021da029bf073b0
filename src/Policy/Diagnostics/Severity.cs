namespace Hctr.Policy.Diagnostics;

public enum Severity
{
    Error,
    Warning,
    Info,
}
