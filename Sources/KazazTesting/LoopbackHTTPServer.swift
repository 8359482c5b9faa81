import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for tests: real sockets, so libcurl is exercised as in
/// production. Routes answer with any status, headers and body, optionally trickled slowly; the
/// server records every request (with headers) and the peak number of simultaneous connections.
public final class LoopbackHTTPServer: @unchecked Sendable {
  public struct Request: Sendable {
    public var method: String
    public var path: String
    /// Header names lower-cased.
    public var headers: [String: String]
  }

  public struct Response: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data
    /// When set, the body is sent in pieces of this many bytes with this pause between them.
    public var trickle: (bytes: Int, pause: Duration)?
    /// Hold the response back this long before sending anything.
    public var delay: Duration?

    public init(
      status: Int = 200, headers: [(String, String)] = [], body: Data = Data(),
      trickle: (bytes: Int, pause: Duration)? = nil, delay: Duration? = nil
    ) {
      self.status = status
      self.headers = headers
      self.body = body
      self.trickle = trickle
      self.delay = delay
    }

    public static func text(
      _ body: String, contentType: String = "application/rss+xml; charset=utf-8"
    )
      -> Response
    {
      Response(headers: [("Content-Type", contentType)], body: Data(body.utf8))
    }
  }

  public typealias Handler = @Sendable (Request) -> Response

  private let lock = NSLock()
  private var routes: [String: Handler] = [:]
  private var log: [Request] = []
  private var open = 0
  private var peak = 0
  private var accepted = 0
  private let listener: LoopbackListener
  public var port: UInt16 { listener.port }

  public init() throws {
    listener = try LoopbackListener(backlog: 128)
    listener.start(
      accepted: { [self] in
        lock.withLock {
          open += 1
          accepted += 1
          peak = max(peak, open)
        }
      },
      serve: { [self] client in
        serve(client)
        lock.withLock { open -= 1 }
      })
  }

  deinit { stop() }

  /// `http://127.0.0.1:PORT`
  public var baseURL: String { "http://127.0.0.1:\(port)" }

  public func url(_ path: String) -> String { baseURL + path }

  /// Answers requests for `path` (query string ignored) with `handler`.
  public func route(_ path: String, handler: @escaping Handler) {
    lock.withLock { routes[path] = handler }
  }

  /// Every request received for `path` so far.
  public func requests(to path: String) -> [Request] {
    lock.withLock { log.filter { $0.path == path } }
  }

  /// The most connections that were open at the same time.
  public var peakConnections: Int { lock.withLock { peak } }

  /// Every connection accepted so far, whether or not a request came over it.
  public var acceptedConnections: Int { lock.withLock { accepted } }

  /// Stops accepting connections.
  public func stop() { listener.stop() }

  private func serve(_ client: Int32) {
    var buffer = Data()
    while true {
      guard let request = readRequest(client, buffer: &buffer) else { return }
      let handler = lock.withLock { () -> Handler? in
        log.append(request)
        return routes[request.path]
      }
      let response = handler?(request) ?? Response(status: 404, body: Data("not found".utf8))
      if !send(response, to: client, method: request.method) { return }
      if request.headers["connection"]?.lowercased() == "close" { return }
    }
  }

  private func readRequest(_ client: Int32, buffer: inout Data) -> Request? {
    let terminator = Data("\r\n\r\n".utf8)
    var chunk = [UInt8](repeating: 0, count: 4096)
    while buffer.range(of: terminator) == nil {
      let count = recv(client, &chunk, chunk.count, 0)
      guard count > 0 else { return nil }
      buffer.append(contentsOf: chunk[0..<count])
    }
    let end = buffer.range(of: terminator)!
    let head = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
    buffer.removeSubrange(buffer.startIndex..<end.upperBound)
    var lines = head.components(separatedBy: "\r\n")
    let requestLine = lines.removeFirst().split(separator: " ")
    guard requestLine.count >= 2 else { return nil }
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    let target = String(requestLine[1])
    let path = String(target.split(separator: "?", maxSplits: 1).first ?? "")
    return Request(method: String(requestLine[0]), path: path, headers: headers)
  }

  private func send(_ response: Response, to client: Int32, method: String) -> Bool {
    if let delay = response.delay { Thread.sleep(forTimeInterval: Self.seconds(delay)) }
    var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
    var names = Set<String>()
    for (name, value) in response.headers {
      head += "\(name): \(value)\r\n"
      names.insert(name.lowercased())
    }
    if !names.contains("content-length") { head += "Content-Length: \(response.body.count)\r\n" }
    head += "\r\n"
    guard write(Data(head.utf8), to: client) else { return false }
    guard method != "HEAD", !response.body.isEmpty else { return true }
    guard let trickle = response.trickle else { return write(response.body, to: client) }
    var offset = 0
    while offset < response.body.count {
      let end = min(offset + trickle.bytes, response.body.count)
      guard write(response.body[offset..<end], to: client) else { return false }
      offset = end
      Thread.sleep(forTimeInterval: Self.seconds(trickle.pause))
    }
    return true
  }

  private func write(_ data: Data, to client: Int32) -> Bool {
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let sent = Glibc.send(
          client, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
        if sent <= 0 { return false }
        offset += sent
      }
      return true
    }
  }

  private static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  private static func reason(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 301: "Moved Permanently"
    case 302: "Found"
    case 304: "Not Modified"
    case 404: "Not Found"
    case 410: "Gone"
    case 429: "Too Many Requests"
    case 500: "Internal Server Error"
    case 503: "Service Unavailable"
    default: "Status"
    }
  }
}
