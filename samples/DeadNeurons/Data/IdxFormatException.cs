using System;
using System.IO;

namespace DeadNeurons.Data;

/// <summary>
/// A data file that is not what it should be: truncated, not IDX, the wrong kind of IDX, or disagreeing
/// with its partner file. The message names the file and says what is wrong, fit to print as it is.
/// </summary>
internal sealed class IdxFormatException : Exception
{
    public IdxFormatException()
    {
    }

    public IdxFormatException(string message)
        : base(message)
    {
    }

    public IdxFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="path"/>, its file name leading the message.</summary>
    public IdxFormatException(string path, string problem, Exception? innerException = null)
        : base($"{Path.GetFileName(path)}: {problem} ({path})", innerException)
    {
        FilePath = path;
    }

    /// <summary>The full path of the offending file, where one file is to blame.</summary>
    public string? FilePath { get; }
}
