using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hctr.Trust.IO;
using Hctr.Trust.Json;

namespace Hctr.Trust.Crypto;

/// <summary>
/// Key files. The private key file is JSON: the public key in clear (so it can be listed without the
/// passphrase) and the PKCS#8 private key sealed with AES-256-GCM under a PBKDF2-SHA256 key derived
/// from the passphrase. Written atomically with mode 0600. The public key file is the TUF key object.
/// </summary>
public static class KeyFile
{
    public const int DefaultIterations = 600_000;
    private const string Format = "hctr-private-key-v1";

    public static void WritePrivate(string path, SigningKey key, string passphrase, int iterations = DefaultIterations)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        byte[] nonce = RandomNumberGenerator.GetBytes(12);
        byte[] plain = key.ExportPkcs8();
        byte[] cipher = new byte[plain.Length];
        byte[] tag = new byte[16];
        byte[] aesKey = Derive(passphrase, salt, iterations);
        try
        {
            using var aes = new AesGcm(aesKey, tag.Length);
            aes.Encrypt(nonce, plain, cipher, tag, Encoding.UTF8.GetBytes(key.KeyId));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
            CryptographicOperations.ZeroMemory(aesKey);
        }
        var obj = new JsonObject
        {
            ["format"] = Format,
            ["keyid"] = key.KeyId,
            ["public"] = key.Public.ToJson(),
            ["kdf"] = new JsonObject { ["name"] = "pbkdf2-sha256", ["iterations"] = iterations, ["salt"] = Convert.ToHexStringLower(salt) },
            ["cipher"] = new JsonObject { ["name"] = "aes-256-gcm", ["nonce"] = Convert.ToHexStringLower(nonce), ["tag"] = Convert.ToHexStringLower(tag) },
            ["ciphertext"] = Convert.ToHexStringLower(cipher),
        };
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(obj.ToJsonString() + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public static SigningKey ReadPrivate(string path, string passphrase)
    {
        var obj = ReadObject(path);
        try
        {
            string keyId = JsonRead.String(obj, "keyid", path);
            var kdf = JsonRead.Object(obj, "kdf", path);
            var cipherObj = JsonRead.Object(obj, "cipher", path);
            long iterations = JsonRead.Integer(kdf, "iterations", path);
            if (iterations is < 10_000 or > 100_000_000) throw JsonRead.Malformed(path, "kdf iterations out of range");
            byte[] aesKey = Derive(passphrase, Convert.FromHexString(JsonRead.String(kdf, "salt", path)), (int)iterations);
            byte[] cipher = Convert.FromHexString(JsonRead.String(obj, "ciphertext", path));
            byte[] plain = new byte[cipher.Length];
            using (var aes = new AesGcm(aesKey, 16))
            {
                aes.Decrypt(Convert.FromHexString(JsonRead.String(cipherObj, "nonce", path)), cipher,
                    Convert.FromHexString(JsonRead.String(cipherObj, "tag", path)), plain, Encoding.UTF8.GetBytes(keyId));
            }
            var key = SigningKey.FromPkcs8(plain);
            CryptographicOperations.ZeroMemory(plain);
            return key.KeyId == keyId ? key
                : throw new TrustVerificationException(TrustFailureReason.LocalState, $"{path}: key id does not match the key");
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new TrustVerificationException(TrustFailureReason.LocalState, $"{path}: wrong passphrase or corrupted key file", inner: e);
        }
        catch (FormatException e)
        {
            throw new TrustVerificationException(TrustFailureReason.LocalState, $"{path}: corrupted key file", inner: e);
        }
    }

    /// <summary>Reads a public key from a public key file or from the clear part of a private key file.</summary>
    public static PublicKey ReadPublic(string path)
    {
        var obj = ReadObject(path);
        var keyObj = obj.ContainsKey("format") ? JsonRead.Object(obj, "public", path) : obj;
        return PublicKey.FromJson(keyObj, path);
    }

    /// <summary>True for a (passphrase-sealed) private key file, false for a public key file.</summary>
    public static bool IsPrivate(string path) => ReadObject(path).ContainsKey("format");

    public static void WritePublic(string path, PublicKey key) =>
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(key.ToJson().ToJsonString() + "\n"));

    private static JsonObject ReadObject(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new TrustVerificationException(TrustFailureReason.LocalState, $"{path}: {e.Message}", inner: e);
        }
        return JsonRead.ParseObject(bytes, path);
    }

    private static byte[] Derive(string passphrase, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, iterations, HashAlgorithmName.SHA256, 32);
}
