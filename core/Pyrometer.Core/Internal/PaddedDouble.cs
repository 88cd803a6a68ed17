using System.Runtime.InteropServices;

namespace Pyrometer.Internal;

/// <summary>A double alone on its cache line (and its neighbour, for adjacent-line prefetchers).</summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct PaddedDouble
{
    [FieldOffset(64)]
    public double Value;
}
