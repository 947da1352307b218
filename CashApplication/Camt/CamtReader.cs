using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace O2C.CashApplication.Camt;

/// <summary>
/// Streams a camt.053 bank-to-customer statement (versions .001.02 to .001.10) from an <see cref="XmlReader"/>: only one
/// statement header element or one <c>Ntry</c> is in memory at a time, so a 10 MB statement costs what one entry costs.
/// <see cref="Open"/> refuses what is not camt.053 at once (<see cref="CamtFormatException"/>, a 400 for the endpoint);
/// <see cref="ReadRecords"/> then returns statements and entries in document order, an entry that cannot be read as an
/// <see cref="UnreadableEntry"/> with its reason.
/// </summary>
public sealed partial class CamtReader : IDisposable
{
    private readonly XmlReader _xml;
    private readonly Queue<CamtRecord> _pending = new();
    private StatementBuilder? _statement;
    private string? _messageId;
    private int _statements;
    private bool _sawBody;
    private bool _done;

    private CamtReader(XmlReader xml, int version)
    {
        _xml = xml;
        Version = version;
    }

    /// <summary>The message version: 2 for camt.053.001.02, up to 10.</summary>
    public int Version { get; }

    /// <summary>Reads as far as the root element and checks it is a camt.053 <c>Document</c> of a supported version.</summary>
    public static CamtReader Open(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);

        // No DTDs and no resolver: a statement comes from outside, and entity expansion is the classic XML bomb.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };

        var xml = XmlReader.Create(stream, settings);
        try
        {
            if (xml.MoveToContent() != XmlNodeType.Element)
            {
                throw new CamtFormatException(CamtFormatProblem.NotXml, "The body is empty or holds no XML element.");
            }

            var version = CheckRoot(xml.LocalName, xml.NamespaceURI);
            var reader = new CamtReader(xml, version);
            if (xml.IsEmptyElement)
            {
                reader._done = true;
            }
            else
            {
                xml.Read();
            }

            return reader;
        }
        catch (XmlException e)
        {
            xml.Dispose();
            throw new CamtFormatException(CamtFormatProblem.NotXml, $"The body is not XML: {e.Message}", e.LineNumber, e);
        }
        catch
        {
            xml.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Statements and their entries in document order. Throws <see cref="CamtFormatException"/> when the document holds no
    /// statement, or when the XML breaks off part-way (after returning what came before the break).
    /// </summary>
    public IEnumerable<CamtRecord> ReadRecords()
    {
        while (TryNext(out var record))
        {
            yield return record;
        }
    }

    public void Dispose() => _xml.Dispose();

    private static int CheckRoot(string localName, string ns)
    {
        var match = Camt053Namespace().Match(ns);
        if (localName == "Document" && match.Success)
        {
            var version = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return version is >= 2 and <= 10
                ? version
                : throw new CamtFormatException(CamtFormatProblem.UnsupportedVersion, $"camt.053.001.{match.Groups[1].Value} is not supported; we read .001.02 to .001.10.");
        }

        var what = Iso20022Message().Match(ns) is { Success: true } other
            ? $"an ISO 20022 {other.Groups[1].Value} message"
            : string.IsNullOrEmpty(ns) ? $"<{localName}> without a namespace" : $"<{localName}> in namespace '{ns}'";
        throw new CamtFormatException(CamtFormatProblem.NotCamt053, $"This is {what}, not a camt.053 bank statement.");
    }

    private bool TryNext(out CamtRecord record)
    {
        try
        {
            while (_pending.Count == 0 && !_done)
            {
                Step();
            }
        }
        catch (XmlException e)
        {
            _done = true;
            throw new CamtFormatException(CamtFormatProblem.MalformedXml, $"The XML breaks off at line {e.LineNumber}: {e.Message}", e.LineNumber, e);
        }

        return _pending.TryDequeue(out record!);
    }

    private void Step()
    {
        if (_statement is not null)
        {
            StepInStatement(_statement);
            return;
        }

        if (_xml.EOF)
        {
            _done = true;
            if (_statements == 0)
            {
                throw new CamtFormatException(CamtFormatProblem.NoStatement, _sawBody
                    ? "The camt.053 document holds no statement (no Stmt in BkToCstmrStmt)."
                    : "The camt.053 document is empty (no BkToCstmrStmt).");
            }

            return;
        }

        if (_xml.NodeType != XmlNodeType.Element)
        {
            _xml.Read();
            return;
        }

        switch (_xml.LocalName)
        {
            case "BkToCstmrStmt":
                _sawBody = true;
                _xml.Read();
                break;
            case "GrpHdr":
                _messageId = ReadElement().Text("MsgId");
                break;
            case "Stmt":
                _statements++;
                var builder = new StatementBuilder(Version, _messageId, _statements);
                if (_xml.IsEmptyElement)
                {
                    _xml.Read();
                    Close(builder);
                }
                else
                {
                    builder.Depth = _xml.Depth;
                    _xml.Read();
                    _statement = builder;
                }

                break;
            default:
                _xml.Skip();
                break;
        }
    }

    private void StepInStatement(StatementBuilder statement)
    {
        if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == statement.Depth)
        {
            _xml.Read();
            _statement = null;
            Close(statement);
            return;
        }

        if (_xml.NodeType != XmlNodeType.Element)
        {
            _xml.Read();
            return;
        }

        var line = ((IXmlLineInfo)_xml).LineNumber;
        var element = ReadElement();
        if (element.Name.LocalName == "Ntry")
        {
            if (statement.Open() is { } header)
            {
                _pending.Enqueue(header);
            }

            _pending.Enqueue(statement.Entry(element, line));
        }
        else
        {
            statement.Header(element);
        }
    }

    private void Close(StatementBuilder statement)
    {
        if (statement.Open() is { } header)
        {
            _pending.Enqueue(header);
        }

        _pending.Enqueue(statement.Close());
    }

    // One element and its subtree; the reader ends up on the node after it.
    private XElement ReadElement() => (XElement)XNode.ReadFrom(_xml);

    [GeneratedRegex(@"^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Camt053Namespace();

    [GeneratedRegex(@"^urn:iso:std:iso:20022:tech:xsd:([a-z]{4}\.\d{3}\.\d{3}\.\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso20022Message();
}
