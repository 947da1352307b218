namespace O2C.Bench.Cli;

/// <summary>A bad command line; the message names the offending argument.</summary>
public sealed class UsageException(string message) : Exception(message);
