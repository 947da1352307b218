namespace O2C.Grains.Messages;

/// <summary>A template that cannot be used: its file, the line (1-based) when one is to blame, and what is wrong, in one line.</summary>
public sealed class MessageTemplateException(string file, int? line, string problem, Exception? inner = null)
    : InvalidOperationException($"Message template {file}{(line is { } l ? $", line {l}" : string.Empty)}: {problem}", inner)
{
    public string File { get; } = file;

    public int? Line { get; } = line;

    public string Problem { get; } = problem;
}
