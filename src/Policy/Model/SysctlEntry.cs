using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Model;

public sealed record SysctlEntry(string Key, string Value, SourceLocation Origin);
