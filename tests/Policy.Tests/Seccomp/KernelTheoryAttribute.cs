using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

/// <summary>The theory form of <see cref="KernelFactAttribute"/>: skipped, with the same reasons, where filters cannot be loaded.</summary>
public sealed class KernelTheoryAttribute : TheoryAttribute
{
    public KernelTheoryAttribute() => Skip = new KernelFactAttribute().Skip;
}
