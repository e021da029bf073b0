namespace Hctr.Fuzz.Engine;

/// <summary>A target's own check failed (e.g. a round trip changed bytes): always a finding.</summary>
internal sealed class FuzzPropertyException(string message) : Exception(message);
