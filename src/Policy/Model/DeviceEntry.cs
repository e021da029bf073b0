using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Model;

/// <summary>A device node the container may use. Type 'c' or 'b'; Access is a subset of "rwm".</summary>
public sealed record DeviceEntry(string Path, char Type, long Major, long Minor, string Access, uint FileMode, SourceLocation Origin);
