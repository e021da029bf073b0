namespace Hctr.Policy.Explain;

/// <summary>How much a risky item widens what a container can do to its host.</summary>
public enum RiskLevel
{
    Low,
    Medium,
    High,
}
