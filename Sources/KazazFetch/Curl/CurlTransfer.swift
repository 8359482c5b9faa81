import CCurl
import Foundation

/// One transfer in flight: its easy handle, the buffers the callbacks fill, and the continuation
/// to resume. Confined to the engine thread once handed over; never shared.
final class CurlTransfer {
  let id: UInt64
  let request: FetchRequest
  let host: String
  let settings: FetchSettings
  let maxResponseBytes: Int
  var continuation: CheckedContinuation<FetchResponse, any Error>?
  private(set) var handle: UnsafeMutableRawPointer?
  var body = Data()
  var headers: [(name: String, value: String)] = []
  /// The status line of the response being received, and the redirects before it.
  var currentStatus = 0
  var redirects: [Redirect] = []
  var exceededLimit = false
  /// The address policy in force: the request's, unless the settings allow private addresses.
  let policy: AddressPolicy?
  /// True when a proxy may carry this transfer: libcurl then connects to the proxy, not to the
  /// URL's host, and only addresses written in the URL can be judged.
  let proxied: Bool
  /// Where each request of the exchange went (`FetchResponse.endpoints`).
  var endpoints: [Endpoint] = []
  /// The first connection the policy refused, reported when the transfer fails for want of one.
  var refusal: AddressRefusal?
  private var headerList: UnsafeMutablePointer<curl_slist>?
  private var resolveList: UnsafeMutablePointer<curl_slist>?
  private let errorBuffer: UnsafeMutablePointer<CChar>

  /// Takes one header line: a status line starts a new response (the previous one, if it was a
  /// redirect, becomes a hop of the chain); a field joins the current response's headers.
  func receiveHeaderLine(_ line: HeaderLine) {
    switch line.kind {
    case .status(let code):
      if (300..<400).contains(currentStatus),
        let location = headers.last(where: { $0.name == "location" })?.value
      {
        redirects.append(Redirect(status: currentStatus, location: location))
      }
      currentStatus = code
      headers.removeAll(keepingCapacity: true)
    case .field(let name, let value):
      headers.append((name, value))
    case .other:
      break
    }
  }

  init(id: UInt64, request: FetchRequest, settings: FetchSettings, proxied: Bool = false) {
    self.id = id
    self.request = request
    self.settings = settings
    self.proxied = proxied
    policy = settings.allowPrivateAddresses ? nil : request.addressPolicy
    maxResponseBytes = request.maxResponseBytes ?? settings.maxResponseBytes
    host = URLComponents(string: request.url)?.host?.lowercased() ?? ""
    errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
  }

  deinit {
    releaseHandle()
    errorBuffer.deallocate()
  }

  /// Creates and configures the easy handle. Returns an error when an option is refused.
  func makeHandle() -> FetchError? {
    guard let easy = curl_easy_init() else {
      return .transport(code: -1, message: "curl_easy_init failed")
    }
    handle = easy
    let context = Unmanaged.passUnretained(self).toOpaque()
    // A URL a publisher chose is only ever fetched over http(s), whatever the settings.
    let isFile = request.url.lowercased().hasPrefix("file:") && request.addressPolicy == nil
    var codes: [CURLcode] = [
      kazaz_easy_setopt_string(easy, CURLOPT_URL, request.url),
      kazaz_easy_setopt_pointer(easy, CURLOPT_PRIVATE, context),
      kazaz_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)),
      kazaz_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, curlWriteCallback),
      kazaz_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context),
      kazaz_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION, curlHeaderCallback),
      kazaz_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context),
      kazaz_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1),
      // Only these protocols, and redirects only ever to http(s): a feed cannot bounce us to
      // file:// or anything else.
      kazaz_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, isFile ? "file" : "http,https"),
      kazaz_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
      kazaz_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 1),
      kazaz_easy_setopt_long(easy, CURLOPT_MAXREDIRS, settings.maxRedirects),
      // Empty string: every encoding this libcurl supports (gzip, deflate, br, zstd).
      kazaz_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, ""),
      kazaz_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, Self.milliseconds(settings.timeout)),
      kazaz_easy_setopt_long(
        easy, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(settings.connectTimeout)),
      kazaz_easy_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, settings.lowSpeedBytesPerSecond),
      kazaz_easy_setopt_long(
        easy, CURLOPT_LOW_SPEED_TIME, Self.milliseconds(settings.lowSpeedTime) / 1000),
      kazaz_easy_setopt_offset(
        easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxResponseBytes)),
      kazaz_easy_setopt_string(easy, CURLOPT_USERAGENT, settings.userAgent),
      kazaz_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1),
      kazaz_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2),
      // HTTP/2 over TLS when the server offers it (ALPN), HTTP/1.1 otherwise.
      kazaz_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS)),
    ]
    // Every request records where it went; a policed one is refused before it is sent when
    // that is not allowed (a reused connection never passes the socket callback below).
    // libcurl before 7.80 has no such callback: a policed transfer then never reuses a
    // connection, so that every connection it uses passes the socket callback.
    if kazaz_easy_setopt_prereq_callback(easy, curlPrereqCallback) == CURLE_OK {
      codes.append(kazaz_easy_setopt_pointer(easy, CURLOPT_PREREQDATA, context))
    } else if policy != nil {
      codes.append(kazaz_easy_setopt_long(easy, CURLOPT_FRESH_CONNECT, 1))
      codes.append(kazaz_easy_setopt_long(easy, CURLOPT_FORBID_REUSE, 1))
    }
    if let policy {
      if proxied {
        if let refusal = literalRefusal(policy) { return .addressRefused(refusal) }
      } else {
        codes.append(kazaz_easy_setopt_opensocket_callback(easy, curlOpenSocketCallback))
        codes.append(kazaz_easy_setopt_pointer(easy, CURLOPT_OPENSOCKETDATA, context))
      }
    }
    if !settings.resolve.isEmpty {
      for entry in settings.resolve { resolveList = curl_slist_append(resolveList, entry) }
      codes.append(kazaz_easy_setopt_slist(easy, CURLOPT_RESOLVE, resolveList))
    }
    if let caBundle = settings.caBundle {
      codes.append(kazaz_easy_setopt_string(easy, CURLOPT_CAINFO, caBundle))
    }
    // Without an explicit proxy libcurl honours http_proxy, https_proxy and no_proxy.
    if let proxy = settings.proxy {
      codes.append(kazaz_easy_setopt_string(easy, CURLOPT_PROXY, proxy))
    }
    // Checked here too, not only where responses are read: a line break in a stored validator
    // would let the publisher who sent it write headers into this request.
    if let etag = HTTPValidator.sanitized(request.etag) {
      headerList = curl_slist_append(headerList, "If-None-Match: \(etag)")
    }
    if let lastModified = HTTPValidator.sanitized(request.lastModified) {
      headerList = curl_slist_append(headerList, "If-Modified-Since: \(lastModified)")
    }
    if let language = request.acceptLanguage, language.utf8.count <= 200,
      language.utf8.allSatisfy({ (0x20...0x7E).contains($0) })
    {
      headerList = curl_slist_append(headerList, "Accept-Language: \(language)")
    }
    headerList = curl_slist_append(
      headerList,
      "Accept: application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
    )
    codes.append(kazaz_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList))
    if let failed = codes.first(where: { $0 != CURLE_OK }) {
      return .transport(code: Int(failed.rawValue), message: Self.describe(failed))
    }
    return nil
  }

  /// Builds the response or the error once libcurl reports the transfer done.
  func finish(result: CURLcode) -> Result<FetchResponse, FetchError> {
    guard let easy = handle else { return .failure(.cancelled) }
    if result != CURLE_OK {
      if let refusal, result == CURLE_COULDNT_CONNECT || result == CURLE_ABORTED_BY_CALLBACK {
        return .failure(.addressRefused(refusal))
      }
      return .failure(error(for: result))
    }
    var status = 0
    kazaz_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
    var redirectCount = 0
    kazaz_easy_getinfo_long(easy, CURLINFO_REDIRECT_COUNT, &redirectCount)
    var effective: UnsafeMutablePointer<CChar>?
    kazaz_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &effective)
    let effectiveURL = effective.map { String(cString: $0) } ?? request.url
    if status == 0 && effectiveURL.lowercased().hasPrefix("file:") { status = 200 }
    return .success(
      FetchResponse(
        status: status, headers: headers, body: body, effectiveURL: effectiveURL,
        redirectCount: redirectCount, redirects: redirects, requestedURL: request.url,
        endpoints: endpoints, origin: origin))
  }

  func releaseHandle() {
    if let handle { curl_easy_cleanup(handle) }
    handle = nil
    if let headerList { curl_slist_free_all(headerList) }
    headerList = nil
    if let resolveList { curl_slist_free_all(resolveList) }
    resolveList = nil
  }

  private func error(for code: CURLcode) -> FetchError {
    let detail = String(cString: errorBuffer)
    let message = detail.isEmpty ? Self.describe(code) : detail
    switch code {
    case CURLE_WRITE_ERROR where exceededLimit, CURLE_FILESIZE_EXCEEDED:
      return .tooLarge(limit: maxResponseBytes)
    case CURLE_OPERATION_TIMEDOUT:
      return .timedOut(message: message)
    case CURLE_TOO_MANY_REDIRECTS:
      return .tooManyRedirects(limit: settings.maxRedirects)
    case CURLE_UNSUPPORTED_PROTOCOL:
      return .unsupportedScheme(request.url)
    default:
      return .transport(code: Int(code.rawValue), message: message)
    }
  }

  static func describe(_ code: CURLcode) -> String {
    curl_easy_strerror(code).map { String(cString: $0) } ?? "curl error \(code.rawValue)"
  }

  /// A duration in whole milliseconds for libcurl, clamped to `0...Int32.max` (about 24 days):
  /// libcurl reads these options as `long`, and a huge configured value must not overflow.
  static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    let limit = Int64(Int32.max)
    guard seconds >= 0 else { return 0 }
    guard seconds < limit / 1000 else { return Int(limit) }
    return Int(min(limit, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
  }
}

/// libcurl's body callback: append, or abort once the size limit is passed.
func curlWriteCallback(
  _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
  _ context: UnsafeMutableRawPointer?
) -> Int {
  guard let data, let context else { return 0 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
  // libcurl promises size 1 and a bounded count; an overflowing product aborts, never traps.
  let (length, overflow) = size.multipliedReportingOverflow(by: count)
  guard !overflow, length >= 0 else { return 0 }
  if length > transfer.maxResponseBytes - transfer.body.count {
    transfer.exceededLimit = true
    return 0
  }
  data.withMemoryRebound(to: UInt8.self, capacity: length) {
    transfer.body.append($0, count: length)
  }
  return length
}

/// libcurl's header callback: a status line starts a new response (redirects); other lines are
/// `Name: value` pairs of the current one.
func curlHeaderCallback(
  _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
  _ context: UnsafeMutableRawPointer?
) -> Int {
  let (length, overflow) = size.multipliedReportingOverflow(by: count)
  guard !overflow, length >= 0 else { return 0 }
  guard let data, let context else { return length }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
  data.withMemoryRebound(to: UInt8.self, capacity: length) { start in
    transfer.receiveHeaderLine(HeaderLine(UnsafeBufferPointer(start: start, count: length)))
  }
  return length
}

/// One header line as libcurl hands it over, read on its bytes: a status line or a
/// `name: value` field, with HTTP's optional whitespace (spaces, tabs, CR, LF) around its parts.
struct HeaderLine {
  enum Kind: Equatable {
    case status(Int)
    case field(name: String, value: String)
    case other
  }

  let kind: Kind

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    let line = Self.trimmed(bytes[...])
    if line.starts(with: Self.httpPrefix) {
      // "HTTP/1.1 200 OK", "HTTP/2 304": the code is the second word, exactly three digits
      // (RFC 9112 §4); anything else ("20", "2000", "abc") is status 0, which no rule acts on.
      let rest = line.drop { $0 != UInt8(ascii: " ") }.drop { $0 == UInt8(ascii: " ") }
      let word = rest.prefix { $0 != UInt8(ascii: " ") }
      var code = 0
      if word.count == 3, word.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
        for digit in word { code = code * 10 + Int(digit - UInt8(ascii: "0")) }
      }
      kind = .status(code)
    } else if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
      let name = Self.trimmed(line[..<colon]).map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
      let value = Self.trimmed(line[line.index(after: colon)...])
      kind = .field(
        name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    } else {
      kind = .other
    }
  }

  private static let httpPrefix = Array("HTTP/".utf8)

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
  }

  private static func trimmed(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<
    UnsafeBufferPointer<UInt8>
  > {
    var slice = bytes
    while let first = slice.first, isSpace(first) { slice.removeFirst() }
    while let last = slice.last, isSpace(last) { slice.removeLast() }
    return slice
  }
}
