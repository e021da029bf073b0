using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hctr.Policy.Yaml;

/// <summary>
/// YamlDotNet reports most malformed input as <see cref="YamlException"/>, but some as
/// <see cref="ArgumentException"/> (a tag that is not a valid URI, e.g. <c>!![[</c>) or
/// <see cref="InvalidOperationException"/> (its scanner on a '[' inside a flow mapping key); both were found
/// by the parser fuzz target. This wrapper turns exactly those, thrown while the parser advances, into a
/// <see cref="YamlException"/> at the end of the last event it produced, so the loader refuses the text with
/// a syntax diagnostic. Exceptions from hctr's own code are not touched.
/// </summary>
internal sealed class GuardedParser(IParser inner) : IParser
{
    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        try
        {
            return inner.MoveNext();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            var at = inner.Current?.End ?? Mark.Empty;
            throw new YamlException(at, at, "malformed YAML the parser could not read past this point", e);
        }
    }
}
