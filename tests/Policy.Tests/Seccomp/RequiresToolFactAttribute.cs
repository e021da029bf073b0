using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

/// <summary>
/// A fact that runs only when <c>tool</c> is on PATH; otherwise it is skipped with the reason.
/// (xunit 2 has no runtime skip, so the decision is made when the attribute is created.)
/// </summary>
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool)
    {
        if (HostTools.Find(tool) is null)
            Skip = $"'{tool}' is not on PATH on this machine";
    }
}
