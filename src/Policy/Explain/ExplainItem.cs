using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Explain;

/// <summary>One line of an explanation. <see cref="IsDefault"/>: the value is hctr's default, not written in the profile.</summary>
public sealed record ExplainItem(string Text, SourceLocation Origin, bool IsDefault);
