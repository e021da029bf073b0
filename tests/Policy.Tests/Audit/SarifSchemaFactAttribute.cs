using Xunit;

namespace Hctr.Tests.Sarif;

/// <summary>
/// A fact that validates against the official SARIF schema: skipped with instructions when the schema was not
/// fetched, except under <c>CI=true</c>, where it runs and fails.
/// </summary>
public sealed class SarifSchemaFactAttribute : FactAttribute
{
    public SarifSchemaFactAttribute() => Skip = OfficialSarifSchema.SkipReason;
}
