namespace Hctr.Fuzz.Engine;

/// <summary>What one input did: ran (possibly with a declared exception), crashed, or hung.</summary>
internal sealed record FuzzOutcome(FuzzOutcomeKind Kind, string Signature, Exception? Exception)
{
    public bool IsFinding => Kind is FuzzOutcomeKind.Crash or FuzzOutcomeKind.Hang;
}
