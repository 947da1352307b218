using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;

namespace O2C.Delivery;

/// <summary>How a failed attempt is described: briefly for logs, in full on the message row.</summary>
internal static class DeliveryErrors
{
    private const int MaxDetailLength = 1000;

    /// <summary>The kind of failure only: a server's reply may echo the recipient's address, which stays out of logs.</summary>
    public static string Reason(Exception error) => error switch
    {
        UndeliverableMessageException => error.Message,
        SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} ({smtp.ErrorCode})",
        SmtpProtocolException => "SMTP protocol error",
        MailKit.Security.AuthenticationException => "SMTP authentication refused",
        ServiceNotConnectedException => "SMTP connection lost",
        SocketException socket => $"socket {socket.SocketErrorCode}",
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}",
        HttpRequestException http => $"HTTP {http.HttpRequestError}",
        OperationCanceledException or TimeoutException => "timed out",
        _ => error.GetType().Name,
    };

    /// <summary>The reason with the server's own words, for the message row (which holds the recipient anyway).</summary>
    public static string Detail(Exception error)
    {
        var words = error.InnerException is { } inner ? inner.Message : error.Message;
        var detail = words == error.Message && error is UndeliverableMessageException ? words : $"{Reason(error)}: {words}";
        return detail.Length <= MaxDetailLength ? detail : detail[..MaxDetailLength];
    }
}
