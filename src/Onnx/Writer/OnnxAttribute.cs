namespace iAyos.Messaging.Onnx.Writer;

/// <summary>A node attribute (ONNX AttributeProto), by kind.</summary>
public abstract record OnnxAttribute(string Name)
{
    public static OnnxAttribute Int(string name, long value) => new IntAttribute(name, value);
    public static OnnxAttribute Float(string name, float value) => new FloatAttribute(name, value);
    public static OnnxAttribute Ints(string name, params long[] values) => new IntsAttribute(name, values);
    public static OnnxAttribute Floats(string name, params float[] values) => new FloatsAttribute(name, values);
    public static OnnxAttribute String(string name, string value) => new StringAttribute(name, value);
    public static OnnxAttribute Strings(string name, params string[] values) => new StringsAttribute(name, values);

    // AttributeProto field numbers and AttributeType values from onnx.proto.
    internal void WriteTo(ProtoWriter w)
    {
        w.String(1, Name);
        switch (this)
        {
            case FloatAttribute a: w.Float(2, a.Value).Int64(20, 1); break;
            case IntAttribute a: w.Int64(3, a.Value).Int64(20, 2); break;
            case StringAttribute a: w.String(4, a.Value).Int64(20, 3); break;
            case FloatsAttribute a:
                foreach (var v in a.Values) w.Float(7, v);
                w.Int64(20, 6);
                break;
            case IntsAttribute a:
                foreach (var v in a.Values) w.Int64(8, v);
                w.Int64(20, 7);
                break;
            case StringsAttribute a:
                foreach (var v in a.Values) w.String(9, v);
                w.Int64(20, 8);
                break;
            default: throw new NotSupportedException(GetType().Name);
        }
    }
}

public sealed record IntAttribute(string Name, long Value) : OnnxAttribute(Name);
public sealed record FloatAttribute(string Name, float Value) : OnnxAttribute(Name);
public sealed record IntsAttribute(string Name, long[] Values) : OnnxAttribute(Name);
public sealed record FloatsAttribute(string Name, float[] Values) : OnnxAttribute(Name);
public sealed record StringAttribute(string Name, string Value) : OnnxAttribute(Name);
public sealed record StringsAttribute(string Name, string[] Values) : OnnxAttribute(Name);
