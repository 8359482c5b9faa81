import Foundation

/// Parses a mail message with Python's standard `email` package (a parser the project did not
/// write), for tests: the decoded headers, the defects it found, and each leaf part's type and
/// decoded content.
public enum PythonMIME {
  public struct Parsed: Decodable, Sendable {
    public var subject: String
    public var from: String
    public var to: String
    public var messageID: String
    public var date: String
    /// The `Date:` as seconds since 1970, read by `email.utils`.
    public var timestamp: Double?
    public var contentType: String
    public var defects: [String]
    public var headerNames: [String]
    public var parts: [Part]

    enum CodingKeys: String, CodingKey {
      case subject, from, to, date, timestamp, defects, parts
      case messageID = "message_id"
      case contentType = "content_type"
      case headerNames = "header_names"
    }
  }

  public struct Part: Decodable, Sendable {
    public var type: String
    public var charset: String?
    public var encoding: String?
    public var content: String
    public var defects: [String]
  }

  static let script = """
    import email, email.policy, email.utils, json, sys
    message = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
    def text(value):
        return "" if value is None else str(value)
    parts = []
    for part in message.walk():
        if part.is_multipart():
            continue
        parts.append({"type": part.get_content_type(), "charset": part.get_content_charset(),
                      "encoding": part.get("Content-Transfer-Encoding"),
                      "content": part.get_content(),
                      "defects": [type(d).__name__ for d in part.defects]})
    when = email.utils.parsedate_to_datetime(message["Date"]) if message["Date"] else None
    print(json.dumps({"subject": text(message["Subject"]), "from": text(message["From"]),
                      "to": text(message["To"]), "message_id": text(message["Message-ID"]),
                      "date": text(message["Date"]),
                      "timestamp": when.timestamp() if when else None,
                      "content_type": message.get_content_type(),
                      "defects": [type(d).__name__ for d in message.defects],
                      "header_names": list(message.keys()), "parts": parts}))
    """

  public static func parse(_ message: Data) async throws -> Parsed {
    let output = try await OffPool.run { () throws -> Data in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["python3", "-c", script]
      let input = Pipe()
      let output = Pipe()
      process.standardInput = input
      process.standardOutput = output
      try process.run()
      // Written from another thread so a large message cannot deadlock on full pipes.
      let writer = Thread {
        input.fileHandleForWriting.write(message)
        try? input.fileHandleForWriting.close()
      }
      writer.start()
      let data = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else { throw POSIXError(.EINVAL) }
      return data
    }
    return try JSONDecoder().decode(Parsed.self, from: output)
  }
}
