using CsCheck;

namespace Hctr.Trust.Tests.Fuzz;

/// <summary>The mutations both Trust fuzz classes apply to a seed, and the one outcome they allow besides success.</summary>
internal static class ByteMutations
{
    /// <summary>One mutation of <paramref name="seed"/>: a byte replaced, up to 8 bytes removed, one of
    /// <paramref name="inserts"/> inserted, or the rest cut off (each kind equally likely).</summary>
    public static Gen<byte[]> Of(byte[] seed, params byte[][] inserts) =>
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Byte, Gen.Int[0, inserts.Length + 2], (at, value, kind) =>
        {
            var bytes = seed.ToList();
            if (kind == 0)
            {
                bytes[at] = value;
            }
            else if (kind == 1)
            {
                bytes.RemoveRange(at, Math.Min(8, bytes.Count - at));
            }
            else if (kind <= inserts.Length + 1)
            {
                bytes.InsertRange(at, inserts[kind - 2]);
            }
            else
            {
                bytes.RemoveRange(at, bytes.Count - at);
            }

            return bytes.ToArray();
        });

    /// <summary>Runs <paramref name="action"/>; a <see cref="TrustVerificationException"/> (the expected outcome for most
    /// mutations) is swallowed, any other exception fails the sample.</summary>
    public static void OnlyTypedRefusals(Action action)
    {
        try
        {
            action();
        }
        catch (TrustVerificationException)
        {
            // Expected for most mutations.
        }
    }
}
