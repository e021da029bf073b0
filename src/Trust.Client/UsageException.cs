namespace Hctr.TufClient;

/// <summary>A command-line mistake; reported and mapped to exit code 1 like every other failure.</summary>
internal sealed class UsageException(string message) : Exception(message);
