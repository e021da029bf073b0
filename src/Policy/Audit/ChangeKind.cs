namespace Hctr.Policy.Audit;

/// <summary>How a change moves a profile: more permissive, less permissive, or different without an order.</summary>
public enum ChangeKind
{
    Widen,
    Narrow,
    Change,
}
