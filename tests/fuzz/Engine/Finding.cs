using System.Text;

namespace Hctr.Fuzz.Engine;

/// <summary>Renders a finding so that it can be turned into a unit test: the exception and the input as base64.</summary>
internal static class Finding
{
    public static string Describe(FuzzTarget target, string inputName, byte[] input, FuzzOutcome outcome)
    {
        var text = new StringBuilder();
        text.Append("FINDING ").Append(outcome.Kind.ToString().ToLowerInvariant()).Append(" in target '").Append(target.Name)
            .Append("' on ").Append(inputName).Append('\n');
        text.Append(outcome.Exception?.ToString() ?? "(no exception)").Append('\n');
        text.Append("input (base64, ").Append(input.Length).Append(" bytes):\n").Append(Convert.ToBase64String(input)).Append('\n');
        return text.ToString();
    }
}
