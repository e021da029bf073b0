namespace Hctr.Fuzz.Engine;

internal enum FuzzOutcomeKind
{
    /// <summary>Returned normally (diagnostics are a normal return).</summary>
    Ok,

    /// <summary>Threw an exception the target declares (e.g. JsonException).</summary>
    Declared,

    /// <summary>Threw anything else, or broke a property the target checks: a finding.</summary>
    Crash,

    /// <summary>Did not finish within the per-input timeout: a finding.</summary>
    Hang,
}
