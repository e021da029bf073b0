using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hctr.Engine.Images.Registry;

/// <summary>Shared JSON entry for manifests and indexes: a size-capped document must be one object.</summary>
internal static class ManifestJson
{
    public static JsonObject Object(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) as JsonObject
                ?? throw new RegistryException(RegistryFailureReason.Protocol, "manifest is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new RegistryException(RegistryFailureReason.Protocol, $"manifest is not valid JSON: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new RegistryException(RegistryFailureReason.Protocol, $"manifest has a field of the wrong type: {e.Message}", e);
        }
    }
}
