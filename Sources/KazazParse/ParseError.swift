/// Why a document could not be read as a feed at all. Recoverable damage is not an error: it is
/// reported in `ParsedFeed.warnings` and the items before the damage are kept.
public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
  case empty
  case unknownFormat(root: String?)
  case malformedXML(line: Int, message: String)
  case malformedJSON(String)
  case entityExpansion(limit: Int)
  case tooLarge(limit: Int)
  case unsupportedEncoding(String)

  public var kind: String {
    switch self {
    case .empty: "parse.empty"
    case .unknownFormat: "parse.unknown-format"
    case .malformedXML: "parse.malformed-xml"
    case .malformedJSON: "parse.malformed-json"
    case .entityExpansion: "parse.entity-expansion"
    case .tooLarge: "parse.too-large"
    case .unsupportedEncoding: "parse.unsupported-encoding"
    }
  }

  public var description: String {
    switch self {
    case .empty: "the document is empty"
    case .unknownFormat(let root?):
      "not a feed: the root element is <\(root)>, expected <rss>, <feed> or <rdf:RDF>"
    case .unknownFormat(nil): "not a feed: no XML root element and not JSON Feed"
    case .malformedXML(let line, let message): "malformed XML at line \(line): \(message)"
    case .malformedJSON(let message): "malformed JSON Feed: \(message)"
    case .entityExpansion(let limit):
      "entity expansion exceeds \(limit) bytes: an entity bomb; document rejected"
    case .tooLarge(let limit): "document larger than \(limit) bytes"
    case .unsupportedEncoding(let name): "unsupported character encoding \"\(name)\""
    }
  }
}
