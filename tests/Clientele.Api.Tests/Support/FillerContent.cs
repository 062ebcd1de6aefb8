using System.Net;

namespace Clientele.Api.Tests.Support;

/// <summary>A body of <c>length</c> bytes made as it is sent: a header line, then lines of x. Declares its length unless told not to (then it goes chunked).</summary>
public sealed class FillerContent(long length, bool declareLength = true) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var line = new byte[1 << 16];
        Array.Fill(line, (byte)'x');
        line[^1] = (byte)'\n';
        var header = "note\n"u8.ToArray();
        await stream.WriteAsync(header);
        for (var left = length - header.Length; left > 0; left -= line.Length)
        {
            await stream.WriteAsync(line.AsMemory(0, (int)Math.Min(left, line.Length)));
        }
    }

    protected override bool TryComputeLength(out long length1)
    {
        length1 = length;
        return declareLength;
    }
}
