namespace Hctr.Fuzz.Engine;

/// <summary>
/// One fuzz target: code under test, the exception types it may declare, and how to mutate its inputs.
/// <see cref="Execute"/> returns a short behaviour signature (e.g. the diagnostic codes seen); the fuzz
/// loop keeps inputs with new signatures as seeds, a cheap stand-in for coverage feedback.
/// </summary>
internal abstract class FuzzTarget
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>Runs one input. May throw only exceptions for which <see cref="IsDeclared"/> is true.</summary>
    public abstract string Execute(byte[] input);

    public abstract bool IsDeclared(Exception e);

    /// <summary>The behaviour signature of a declared exception (by default its type).</summary>
    public virtual string DeclaredSignature(Exception e) => e.GetType().Name;

    public abstract byte[] Mutate(byte[] input, Random random, IReadOnlyList<byte[]> pool);

    /// <summary>Seeds that live elsewhere in the repository (shipped profiles, golden plans), as (name, bytes).</summary>
    public virtual IEnumerable<(string Name, byte[] Bytes)> RepositorySeeds(string repoRoot) => [];
}
