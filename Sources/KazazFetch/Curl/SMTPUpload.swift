import CCurl
import Foundation

/// Hands one message to an SMTP server through libcurl: `MAIL FROM`, one `RCPT TO` per
/// recipient, `DATA` (libcurl dot-stuffs it). A blocking libcurl call, made on a thread of its
/// own so it never holds one of Swift's cooperative threads. TLS is verified; proxies are never
/// used for mail; the socket is close-on-exec, so a command the daemon runs cannot inherit it.
public enum SMTPUpload {
  /// At most this many transcript lines are kept, each at most `lineLimit` characters: the
  /// server's replies are its own, and a hostile one must not fill memory.
  static let transcriptLimit = 200
  static let lineLimit = 300

  public static func send(
    _ message: Data, from sender: String, to recipients: [String], settings: SMTPSettings
  ) async -> SMTPOutcome {
    await withCheckedContinuation { continuation in
      Thread {
        let session = SMTPSession(message: message)
        continuation.resume(
          returning: session.perform(from: sender, to: recipients, settings: settings))
      }.start()
    }
  }
}

/// One upload's state, shared with libcurl's callbacks on the thread that performs it.
final class SMTPSession {
  let message: Data
  var offset = 0
  var transcript: [SMTPTranscriptLine] = []
  /// The server's last reply line, for error messages.
  var lastReply = ""
  /// The server's last reply was a `334` challenge: the client's next line is a credential.
  var challenged = false
  private let errorBuffer: UnsafeMutablePointer<CChar>

  init(message: Data) {
    self.message = message
    errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
  }

  deinit { errorBuffer.deallocate() }

  func perform(from sender: String, to recipients: [String], settings: SMTPSettings)
    -> SMTPOutcome
  {
    guard CurlGlobal.initialized, let easy = curl_easy_init() else {
      return SMTPOutcome(
        error: .transport(code: -1, message: "libcurl failed to initialise"), transcript: [])
    }
    var recipientList: UnsafeMutablePointer<curl_slist>?
    for recipient in recipients {
      recipientList = curl_slist_append(recipientList, "<\(recipient)>")
    }
    defer {
      curl_easy_cleanup(easy)
      if let recipientList { curl_slist_free_all(recipientList) }
    }
    let context = Unmanaged.passUnretained(self).toOpaque()
    var codes: [CURLcode] = [
      kazaz_easy_setopt_string(easy, CURLOPT_URL, settings.url),
      kazaz_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "smtp,smtps"),
      kazaz_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)),
      kazaz_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1),
      // Mail never goes through a web proxy, whatever the environment says.
      kazaz_easy_setopt_string(easy, CURLOPT_PROXY, ""),
      kazaz_easy_setopt_long(
        easy, CURLOPT_USE_SSL,
        Int(settings.allowPlaintext ? CURLUSESSL_TRY.rawValue : CURLUSESSL_ALL.rawValue)),
      kazaz_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1),
      kazaz_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2),
      kazaz_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, CurlTransfer.milliseconds(settings.timeout)),
      kazaz_easy_setopt_long(
        easy, CURLOPT_CONNECTTIMEOUT_MS, CurlTransfer.milliseconds(settings.connectTimeout)),
      kazaz_easy_setopt_string(easy, CURLOPT_MAIL_FROM, "<\(sender)>"),
      kazaz_easy_setopt_slist(easy, CURLOPT_MAIL_RCPT, recipientList),
      kazaz_easy_setopt_long(easy, CURLOPT_UPLOAD, 1),
      kazaz_easy_setopt_data_callback(easy, CURLOPT_READFUNCTION, smtpReadCallback),
      kazaz_easy_setopt_pointer(easy, CURLOPT_READDATA, context),
      kazaz_easy_setopt_long(easy, CURLOPT_VERBOSE, 1),
      kazaz_easy_setopt_debug_callback(easy, smtpDebugCallback),
      kazaz_easy_setopt_pointer(easy, CURLOPT_DEBUGDATA, context),
      kazaz_easy_setopt_opensocket_callback(easy, smtpOpenSocketCallback),
    ]
    if let username = settings.username {
      codes.append(kazaz_easy_setopt_string(easy, CURLOPT_USERNAME, username))
      codes.append(kazaz_easy_setopt_string(easy, CURLOPT_PASSWORD, settings.password ?? ""))
    }
    if let caBundle = settings.caBundle {
      codes.append(kazaz_easy_setopt_string(easy, CURLOPT_CAINFO, caBundle))
    }
    if let failed = codes.first(where: { $0 != CURLE_OK }) {
      return SMTPOutcome(
        error: .transport(code: Int(failed.rawValue), message: CurlTransfer.describe(failed)),
        transcript: transcript)
    }
    let result = curl_easy_perform(easy)
    return SMTPOutcome(error: error(for: result), transcript: transcript)
  }

  private func error(for code: CURLcode) -> SMTPError? {
    guard code != CURLE_OK else { return nil }
    let detail = String(cString: errorBuffer)
    let message = detail.isEmpty ? CurlTransfer.describe(code) : detail
    let reply = lastReply.isEmpty ? message : lastReply
    switch code {
    case CURLE_LOGIN_DENIED: return .loginRefused(reply: reply)
    case CURLE_USE_SSL_FAILED, CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION,
      CURLE_SSL_CACERT_BADFILE:
      return .tlsFailed(message: message)
    case CURLE_OPERATION_TIMEDOUT: return .timedOut(message: message)
    default:
      // A refusal by the server ends the session with its 4xx/5xx reply as the last one.
      if let first = lastReply.first, first == "4" || first == "5" {
        return .rejected(reply: lastReply)
      }
      return .transport(code: Int(code.rawValue), message: message)
    }
  }

  /// Takes what libcurl reports of the session: server replies and client commands become
  /// transcript lines (credentials hidden), libcurl's notes too; message data is left out.
  func observe(_ type: curl_infotype, _ bytes: UnsafeBufferPointer<UInt8>) {
    let direction: SMTPTranscriptLine.Direction
    switch type {
    case CURLINFO_HEADER_IN: direction = .received
    case CURLINFO_HEADER_OUT: direction = .sent
    case CURLINFO_TEXT: direction = .note
    default: return
    }
    let text = String(decoding: bytes, as: UTF8.self)
    for rawLine in text.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) {
      var line = String(rawLine.unicodeScalars.prefix(SMTPUpload.lineLimit))
      switch direction {
      case .received:
        lastReply = line
        challenged = line.hasPrefix("334")
      case .sent:
        if challenged {
          line = "<credentials hidden>"
        } else if line.uppercased().hasPrefix("AUTH ") {
          let words = line.split(separator: " ")
          line = words.count > 2 ? "\(words[0]) \(words[1]) <credentials hidden>" : line
        }
        challenged = false
      case .note:
        break
      }
      guard transcript.count < SMTPUpload.transcriptLimit else { return }
      transcript.append(SMTPTranscriptLine(direction: direction, text: line))
    }
  }
}

/// libcurl's read callback: the next piece of the message.
func smtpReadCallback(
  _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
  _ context: UnsafeMutableRawPointer?
) -> Int {
  guard let buffer, let context else { return 0 }
  let session = Unmanaged<SMTPSession>.fromOpaque(context).takeUnretainedValue()
  let (capacity, overflow) = size.multipliedReportingOverflow(by: count)
  guard !overflow, capacity > 0 else { return 0 }
  let length = min(capacity, session.message.count - session.offset)
  guard length > 0 else { return 0 }
  session.message.withUnsafeBytes { bytes in
    guard let base = bytes.baseAddress else { return }
    UnsafeMutableRawPointer(buffer).copyMemory(from: base + session.offset, byteCount: length)
  }
  session.offset += length
  return length
}

/// libcurl's debug callback: the session, for the transcript.
func smtpDebugCallback(
  _ handle: UnsafeMutableRawPointer?, _ type: curl_infotype, _ data: UnsafeMutablePointer<CChar>?,
  _ size: Int, _ context: UnsafeMutableRawPointer?
) -> Int32 {
  guard let data, let context, size > 0 else { return 0 }
  let session = Unmanaged<SMTPSession>.fromOpaque(context).takeUnretainedValue()
  data.withMemoryRebound(to: UInt8.self, capacity: size) {
    session.observe(type, UnsafeBufferPointer(start: $0, count: size))
  }
  return 0
}

/// libcurl's socket callback: the socket it would open, close-on-exec.
func smtpOpenSocketCallback(
  _ context: UnsafeMutableRawPointer?, _ purpose: curlsocktype,
  _ address: UnsafeMutablePointer<curl_sockaddr>?
) -> curl_socket_t {
  guard let address else { return CURL_SOCKET_BAD }
  return kazaz_open_socket(address)
}
