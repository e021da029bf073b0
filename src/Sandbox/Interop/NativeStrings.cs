using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>
/// NUL-terminated UTF-8 strings and NULL-terminated string vectors (argv, envp) for one native call, all freed
/// together on dispose (the clone helper's arguments; execve).
/// </summary>
internal sealed unsafe class NativeStrings : IDisposable
{
    private readonly List<nint> _owned = [];

    public byte* Str(string s)
    {
        nint p = Marshal.StringToCoTaskMemUTF8(s);
        _owned.Add(p);
        return (byte*)p;
    }

    public byte** Vec(IReadOnlyList<string> items)
    {
        var v = (byte**)Marshal.AllocCoTaskMem((items.Count + 1) * sizeof(nint));
        _owned.Add((nint)v);
        for (int i = 0; i < items.Count; i++)
        {
            v[i] = Str(items[i]);
        }

        v[items.Count] = null;
        return v;
    }

    public void Dispose()
    {
        _owned.ForEach(Marshal.FreeCoTaskMem);
        _owned.Clear();
    }
}
