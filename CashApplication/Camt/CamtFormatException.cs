namespace O2C.CashApplication.Camt;

/// <summary>
/// The document as a whole cannot be read as camt.053; the import endpoint answers 400 with <see cref="Exception.Message"/>.
/// Problems with a single entry never raise this: they come back as <see cref="UnreadableEntry"/>.
/// </summary>
public sealed class CamtFormatException : Exception
{
    public CamtFormatException(CamtFormatProblem problem, string message, int lineNumber = 0, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
        LineNumber = lineNumber;
    }

    public CamtFormatException()
    {
    }

    public CamtFormatException(string message)
        : base(message)
    {
    }

    public CamtFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CamtFormatProblem Problem { get; }

    public int LineNumber { get; }
}
