using System;
using System.Text;

namespace ActivationGen.Generator.Emitting;

/// <summary>An indented text writer for generated C#; lines always end in '\n' on every machine.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void WriteLine(string line)
    {
        if (line.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(line);
        }

        _builder.Append('\n');
    }

    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes several lines (split on '\n') at the current indentation.</summary>
    public void WriteLines(string text)
    {
        foreach (string line in text.Split('\n'))
        {
            WriteLine(line.TrimEnd('\r'));
        }
    }

    public void OpenBlock(string? header = null)
    {
        if (header is not null)
        {
            WriteLine(header);
        }

        WriteLine("{");
        _indent++;
    }

    public void CloseBlock(string suffix = "")
    {
        _indent--;
        if (_indent < 0)
        {
            throw new InvalidOperationException("Unbalanced blocks in generated source.");
        }

        WriteLine("}" + suffix);
    }

    public override string ToString() => _builder.ToString();
}
