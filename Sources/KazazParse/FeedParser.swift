import Foundation
import KazazModel

/// The parser's front door: detects the format, settles the encoding, reads safely, adapts.
/// Pure: no network, no files, no clock other than the `now` it is given.
public struct FeedParser: Sendable {
  /// Documents larger than this are refused before parsing.
  public var maxDocumentBytes: Int

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
    var repaired = XMLRepair.Result(data: data)
    var (raw, failure, damaged) = XMLFeedReader.read(
      data, encoding: encoding.encoding, stopAtFirstError: true)
    if let failure { throw failure }
    if damaged {
      encoding = EncodingSniffer.decide(for: data, httpCharset: httpCharset, validate: true)
      repaired = XMLRepair.repair(data)
      (raw, failure, _) = XMLFeedReader.read(
        repaired.data, encoding: encoding.encoding, stopAtFirstError: false)
      if let failure { throw failure }
    }
    guard let format = FeedAdapter.format(of: raw) else {
      if raw.root == nil, let warning = raw.warnings.first {
        throw .malformedXML(line: Self.line(of: warning), message: warning)
      }
      throw .unknownFormat(root: raw.root)
    }
    if repaired.ampersands > 0 {
      raw.warnings.insert("\(repaired.ampersands) bare '&' escaped", at: 0)
    }
    if repaired.controlCharacters > 0 {
      raw.warnings.insert("\(repaired.controlCharacters) control characters removed", at: 0)
    }
    var feed = FeedAdapter.adapt(raw, format: format, baseURL: baseURL, now: now)
    if encoding.isFallback, let name = encoding.encoding {
      feed.warnings.insert(
        "the document is not valid UTF-8 and declares no other encoding; read as " + name, at: 0)
    }
    if let warning = encoding.warning { feed.warnings.insert(warning, at: 0) }
    return feed
  }

  /// The `charset` parameter of an HTTP `Content-Type` value, if any.
  public static func charset(ofContentType contentType: String) -> String? {
    for parameter in contentType.split(separator: ";").dropFirst() {
      let pair = parameter.split(separator: "=", maxSplits: 1)
      guard pair.count == 2,
        pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset"
      else { continue }
      let value = pair[1].trimmingCharacters(in: .whitespaces)
        .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
      return value.isEmpty ? nil : value
    }
    return nil
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
