import Foundation
import KazazModel
import KazazText

/// The parser's front door: detects the format, settles the encoding, reads safely, adapts.
/// Pure: no network, no files, no clock other than the `now` it is given.
public struct FeedParser: Sendable {
  /// Documents larger than this are refused before parsing.
  public var maxDocumentBytes: Int

  /// Documents at least this large have their items adapted on a second thread while libxml2
  /// reads on: worth a thread only when there are many items.
  static let concurrentAdaptationBytes = 1 << 20

  public init(maxDocumentBytes: Int = 64 * 1024 * 1024) {
    self.maxDocumentBytes = maxDocumentBytes
  }

  /// Parses a feed document.
  /// - Parameters:
  ///   - data: the raw bytes as fetched.
  ///   - baseURL: the URL the document came from, for relative links.
  ///   - httpCharset: the `charset` of the HTTP `Content-Type`, if any.
  public func parse(
    _ data: Data, baseURL: String? = nil, httpCharset: String? = nil, now: Date = Date()
  )
    throws(ParseError) -> ParsedFeed
  {
    guard data.count <= maxDocumentBytes else { throw .tooLarge(limit: maxDocumentBytes) }
    guard let first = data.first(where: { !Self.isSpace($0) }) else { throw .empty }
    if first == UInt8(ascii: "{") {
      return try JSONFeedAdapter.parse(data, baseURL: baseURL, now: now)
    }
    // Optimistic pass: most feeds are well-formed and say truthfully what they are, so read them
    // as labelled, without scanning the bytes first. At the first XML error the reader stops,
    // and the careful pass below validates the encoding, repairs the bytes and reads again.
    var encoding = EncodingSniffer.decide(for: data, httpCharset: httpCharset, validate: false)
    // Single-byte encodings are decoded chunk by chunk as libxml2 reads.
    let table = Self.singleByteTable(data, encoding)
    var input = (
      data: data, encoding: table == nil ? encoding.encoding : "UTF-8", source: table?.name,
      undefined: 0
    )
    var repaired = XMLRepair.Result(data: data)
    let concurrent = data.count >= Self.concurrentAdaptationBytes
    var collector = ItemCollector(baseURL: baseURL, now: now, concurrent: concurrent)
    var (raw, failure, damaged) = XMLFeedReader.read(
      data, encoding: input.encoding, decoding: table?.table, undefined: &input.undefined,
      stopAtFirstError: true, onItem: collector.add)
    collector.finish()
    if let failure { throw failure }
    if damaged {
      encoding = EncodingSniffer.decide(for: data, httpCharset: httpCharset, validate: true)
      input = Self.transcode(data, encoding)
      repaired = XMLRepair.repair(input.data)
      collector = ItemCollector(baseURL: baseURL, now: now, concurrent: concurrent)
      (raw, failure, _) = XMLFeedReader.read(
        repaired.data, encoding: input.encoding, stopAtFirstError: false, onItem: collector.add)
      collector.finish()
      if let failure { throw failure }
    }
    if input.undefined > 0 {
      raw.warnings.insert(
        "\(input.undefined) bytes undefined in \(input.source ?? "the encoding") replaced by U+FFFD",
        at: 0)
    }
    guard let format = FeedAdapter.format(of: raw) else {
      // No root element: bytes that are not even text in the fallback encoding are not a feed
      // at all (a server's binary or random output); otherwise say what libxml2 stumbled on.
      if raw.root == nil, input.undefined == 0, let warning = raw.warnings.first {
        throw .malformedXML(line: Self.line(of: warning), message: warning)
      }
      throw .unknownFormat(root: raw.root)
    }
    if repaired.ampersands > 0 {
      raw.warnings.insert("\(repaired.ampersands) bare '&' or malformed references repaired", at: 0)
    }
    if repaired.controlCharacters > 0 {
      raw.warnings.insert("\(repaired.controlCharacters) control characters removed", at: 0)
    }
    var feed = FeedAdapter.adapt(
      raw, items: collector.items, undated: collector.undated, format: format, baseURL: baseURL)
    if encoding.isFallback, let name = encoding.encoding {
      feed.warnings.insert(
        "the document is not valid UTF-8 and declares no other encoding; read as " + name, at: 0)
    }
    if let warning = encoding.warning { feed.warnings.insert(warning, at: 0) }
    return feed
  }

  /// Single-byte encodings are decoded here, by table, and handed to libxml2 as UTF-8; others
  /// are left to libxml2 (`encoding` nil: follow the document).
  private static func transcode(_ data: Data, _ decision: EncodingSniffer.Decision)
    -> (data: Data, encoding: String?, source: String?, undefined: Int)
  {
    guard let (table, name) = singleByteTable(data, decision) else {
      return (data, decision.encoding, nil, 0)
    }
    let (decoded, undefined) = SingleByteDecoder.decode(data, with: table)
    return (decoded, "UTF-8", name, undefined)
  }

  /// The decoding table of the document's encoding, when it is a single-byte one.
  private static func singleByteTable(_ data: Data, _ decision: EncodingSniffer.Decision)
    -> (table: SingleByteDecoder.Table, name: String)?
  {
    let name =
      decision.encoding
      ?? (EncodingSniffer.hasByteOrderMark(data) ? nil : EncodingSniffer.declaredEncoding(data))
    guard let name, !name.lowercased().hasPrefix("utf"),
      let table = SingleByteDecoder.table(for: name)
    else { return nil }
    return (table, name)
  }

  /// The `charset` parameter of an HTTP `Content-Type` value, if any.
  public static func charset(ofContentType contentType: String) -> String? {
    ContentType.charset(of: contentType)
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xEF || byte == 0xBB
      || byte == 0xBF
  }

  private static func line(of warning: String) -> Int {
    guard warning.hasPrefix("line ") else { return 0 }
    return Int(warning.dropFirst(5).prefix { $0.isNumber }) ?? 0
  }
}
