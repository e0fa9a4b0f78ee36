using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Onnx.Tests.Writer;

public class ProtoWriterTests
{
    [Fact]
    public void Varints_use_seven_bits_a_byte_low_group_first()
    {
        // field 1, wire type 0 -> tag 0x08; 300 = 0b10_0101100 -> AC 02 (the protobuf documentation's example)
        Assert.Equal(new byte[] { 0x08, 0xAC, 0x02 }, new ProtoWriter().Int64(1, 300).ToArray());
    }

    [Fact]
    public void Negative_int64_takes_ten_bytes()
    {
        var bytes = new ProtoWriter().Int64(1, -1).ToArray();
        Assert.Equal(11, bytes.Length);
        Assert.Equal(0x01, bytes[^1]);
    }

    [Fact]
    public void Strings_are_length_delimited_utf8()
    {
        // field 2, wire type 2 -> tag 0x12; "hé" is 3 bytes
        Assert.Equal(new byte[] { 0x12, 0x03, 0x68, 0xC3, 0xA9 }, new ProtoWriter().String(2, "hé").ToArray());
    }

    [Fact]
    public void Floats_are_fixed32_little_endian()
    {
        // field 2, wire type 5 -> tag 0x15; 1.0f = 0x3F800000
        Assert.Equal(new byte[] { 0x15, 0x00, 0x00, 0x80, 0x3F }, new ProtoWriter().Float(2, 1f).ToArray());
    }

    [Fact]
    public void Nested_messages_are_prefixed_with_their_length()
    {
        var bytes = new ProtoWriter().Message(7, m => m.Int64(1, 5)).ToArray();
        Assert.Equal(new byte[] { 0x3A, 0x02, 0x08, 0x05 }, bytes);
    }
}
