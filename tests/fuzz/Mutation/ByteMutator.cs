using System.Text;

namespace Hctr.Fuzz.Mutation;

/// <summary>
/// Format-blind mutations (bit flips, interesting bytes, range deletes/duplicates, splices with other
/// seeds) plus insertion of tokens from a target-specific dictionary. Deterministic for a given Random.
/// </summary>
internal static class ByteMutator
{
    private const int MaxLength = 256 * 1024;

    private static readonly byte[] InterestingBytes = [0, 1, 0x7f, 0x80, 0xff, (byte)'\n', (byte)'\r', (byte)'\t', (byte)' ', (byte)'"', (byte)'\\'];

    public static byte[] Mutate(byte[] input, Random random, IReadOnlyList<byte[]> pool, IReadOnlyList<string> tokens)
    {
        var data = new List<byte>(input);
        var rounds = 1 + random.Next(4);
        for (var r = 0; r < rounds; r++)
        {
            MutateOnce(data, random, pool, tokens);
        }

        if (data.Count > MaxLength)
        {
            data.RemoveRange(MaxLength, data.Count - MaxLength);
        }

        return [.. data];
    }

    private static void MutateOnce(List<byte> data, Random random, IReadOnlyList<byte[]> pool, IReadOnlyList<string> tokens)
    {
        var at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
        switch (random.Next(8))
        {
            case 0 when data.Count > 0:
                var i = random.Next(data.Count);
                data[i] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[random.Next(data.Count)] = InterestingBytes[random.Next(InterestingBytes.Length)];
                break;
            case 2 when data.Count > 0:
                var start = random.Next(data.Count);
                data.RemoveRange(start, Math.Min(data.Count - start, 1 + random.Next(32)));
                break;
            case 3 when data.Count > 0:
                var from = random.Next(data.Count);
                var len = Math.Min(data.Count - from, 1 + random.Next(64));
                data.InsertRange(at, data.GetRange(from, len));
                break;
            case 4 when pool.Count > 0:
                var donor = pool[random.Next(pool.Count)];
                if (donor.Length > 0)
                {
                    var dFrom = random.Next(donor.Length);
                    var dLen = Math.Min(donor.Length - dFrom, 1 + random.Next(256));
                    data.InsertRange(at, donor.AsSpan(dFrom, dLen).ToArray());
                }

                break;
            case 5 when data.Count > 0:
                var lineStart = data.LastIndexOf((byte)'\n', Math.Max(0, at - 1)) + 1;
                data.InsertRange(lineStart, Encoding.UTF8.GetBytes(new string(' ', 1 + random.Next(4))));
                break;
            default:
                if (tokens.Count > 0)
                {
                    data.InsertRange(at, Encoding.UTF8.GetBytes(tokens[random.Next(tokens.Count)]));
                }

                break;
        }
    }
}
