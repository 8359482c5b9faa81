import Foundation
import KazazTesting
import Testing

@testable import KazazFetch

/// libcurl against a real HTTP server on 127.0.0.1.
@Suite("Fetching through libcurl")
struct CurlEngineTests {
  let server: LoopbackHTTPServer
  let engine: CurlEngine

  init() throws {
    server = try LoopbackHTTPServer()
    engine = CurlEngine(
      settings: FetchSettings(
        concurrency: 8, perHost: 2, timeout: .seconds(10), connectTimeout: .seconds(2),
        lowSpeedBytesPerSecond: 1000, lowSpeedTime: .seconds(2), maxResponseBytes: 64 * 1024))
  }

  @Test("A 200 response: body, status, headers, charset, and our User-Agent")
  func ok() async throws {
    server.route("/feed") { _ in
      .init(
        headers: [
          ("Content-Type", "application/rss+xml; charset=windows-1251"), ("ETag", "\"v1\""),
        ],
        body: Data("<rss/>".utf8))
    }
    let response = try await engine.fetch(FetchRequest(url: server.url("/feed")))
    #expect(response.status == 200)
    #expect(response.body == Data("<rss/>".utf8))
    #expect(response.etag == "\"v1\"")
    #expect(response.charset == "windows-1251")
    let request = try #require(server.requests(to: "/feed").first)
    #expect(request.headers["user-agent"]?.hasPrefix("kazaz-monitor/") == true)
    #expect(request.headers["accept-encoding"]?.contains("gzip") == true)
  }

  @Test("Validators are sent back; a 304 comes back as not modified")
  func conditionalGet() async throws {
    server.route("/feed") { request in
      if request.headers["if-none-match"] == "\"v1\""
        && request.headers["if-modified-since"] == "Mon, 10 Apr 2023 18:16:05 GMT"
      {
        return .init(status: 304)
      }
      return .init(headers: [("ETag", "\"v1\"")], body: Data("<rss/>".utf8))
    }
    let response = try await engine.fetch(
      FetchRequest(
        url: server.url("/feed"), etag: "\"v1\"", lastModified: "Mon, 10 Apr 2023 18:16:05 GMT"))
    #expect(response.isNotModified)
    #expect(response.body.isEmpty)
  }

  @Test("Validators with control characters are never sent: no header injection")
  func validatorInjection() async throws {
    server.route("/feed") { _ in .text("<rss/>") }
    for (etag, lastModified) in [
      ("\"v1\"\r\nX-Injected: etag", "Mon, 10 Apr 2023 18:16:05 GMT\r\nX-Injected: date"),
      ("\"v1\"\nX-Injected: etag", "Mon, 10 Apr 2023\u{0} 18:16:05 GMT"),
      ("\"v\u{7F}1\"", "Mon, 10 Apr 2023\t18:16:05 GMT"),
    ] {
      let response = try await engine.fetch(
        FetchRequest(url: server.url("/feed"), etag: etag, lastModified: lastModified))
      #expect(response.status == 200)
    }
    let requests = server.requests(to: "/feed")
    #expect(requests.count == 3)
    for request in requests {
      #expect(request.headers["x-injected"] == nil)
      #expect(request.headers["if-none-match"] == nil)
      #expect(request.headers["if-modified-since"] == nil)
    }
  }

  @Test("A validator with control characters in a response is dropped, a clean one kept")
  func validatorInResponse() async throws {
    server.route("/bad") { _ in
      .init(
        headers: [
          ("ETag", "\"a\u{0B}b\""), ("Last-Modified", "Mon, 10 Apr 2023\u{01} 18:16:05 GMT"),
        ],
        body: Data("<rss/>".utf8))
    }
    server.route("/good") { _ in
      .init(
        headers: [("ETag", "W/\"a-b\""), ("Last-Modified", "Mon, 10 Apr 2023 18:16:05 GMT")],
        body: Data("<rss/>".utf8))
    }
    let bad = try await engine.fetch(FetchRequest(url: server.url("/bad")))
    #expect(bad.etag == nil && bad.lastModified == nil)
    let good = try await engine.fetch(FetchRequest(url: server.url("/good")))
    #expect(good.etag == "W/\"a-b\"")
    #expect(good.lastModified == "Mon, 10 Apr 2023 18:16:05 GMT")
  }

  @Test("Redirects are followed and the final URL reported")
  func redirect() async throws {
    server.route("/old") { _ in .init(status: 301, headers: [("Location", "/new")]) }
    server.route("/new") { _ in .text("<rss/>") }
    let response = try await engine.fetch(FetchRequest(url: server.url("/old")))
    #expect(response.status == 200)
    #expect(response.redirectCount == 1)
    #expect(response.effectiveURL == server.url("/new"))
  }

  @Test("A redirect loop ends with a clear error")
  func redirectLoop() async throws {
    server.route("/a") { _ in .init(status: 302, headers: [("Location", "/b")]) }
    server.route("/b") { _ in .init(status: 302, headers: [("Location", "/a")]) }
    await #expect(throws: FetchError.tooManyRedirects(limit: 5)) {
      try await engine.fetch(FetchRequest(url: server.url("/a")))
    }
  }

  @Test("A redirect to file:// is refused")
  func redirectToFile() async throws {
    server.route("/evil") { _ in .init(status: 302, headers: [("Location", "file:///etc/passwd")]) }
    await #expect(throws: FetchError.self) {
      let response = try await engine.fetch(FetchRequest(url: server.url("/evil")))
      Issue.record("unexpectedly fetched \(response.body.count) bytes")
    }
  }

  @Test("A body over the size limit is aborted")
  func oversize() async throws {
    server.route("/huge") { _ in .init(body: Data(repeating: 0x41, count: 200 * 1024)) }
    await #expect(throws: FetchError.tooLarge(limit: 64 * 1024)) {
      try await engine.fetch(FetchRequest(url: server.url("/huge")))
    }
  }

  @Test("A server that trickles bytes is cut off by the low-speed limit, not the total timeout")
  func trickle() async throws {
    server.route("/slow") { _ in
      .init(
        body: Data(repeating: 0x41, count: 4000), trickle: (bytes: 10, pause: .milliseconds(200)))
    }
    // A total timeout far longer than the whole trickle: only the low-speed rule can stop it.
    let patient = CurlEngine(
      settings: FetchSettings(
        timeout: .seconds(600), lowSpeedBytesPerSecond: 1000, lowSpeedTime: .seconds(2)))
    defer { patient.shutdown() }
    do {
      _ = try await patient.fetch(FetchRequest(url: server.url("/slow")))
      Issue.record("a trickling server was not cut off")
    } catch let error as FetchError {
      guard case .timedOut(let message) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(message.contains("too slow"))
    }
  }

  @Test("Connection refused is a transport error with libcurl's message")
  func refused() async throws {
    let closed = try LoopbackHTTPServer()
    let url = closed.url("/feed")
    closed.stop()
    do {
      _ = try await engine.fetch(FetchRequest(url: url))
      Issue.record("expected a failure")
    } catch let error as FetchError {
      guard case .transport(let code, let message) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(code == 7)  // CURLE_COULDNT_CONNECT
      #expect(!message.isEmpty)
    }
  }

  @Test("file:// URLs are read; other schemes are refused")
  func fileAndSchemes() async throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write("<rss version=\"2.0\"/>", to: "feed.xml")
    let response = try await engine.fetch(FetchRequest(url: file.absoluteString))
    #expect(response.status == 200)
    #expect(String(decoding: response.body, as: UTF8.self) == "<rss version=\"2.0\"/>")
    await #expect(throws: FetchError.self) {
      try await engine.fetch(FetchRequest(url: "ftp://127.0.0.1/feed.xml"))
    }
  }

  @Test("The per-host limit holds under load")
  func perHostLimit() async throws {
    server.route("/feed") { _ in .init(body: Data("<rss/>".utf8), delay: .milliseconds(100)) }
    try await withThrowingTaskGroup(of: Int.self) { group in
      for index in 0..<12 {
        group.addTask {
          try await engine.fetch(FetchRequest(url: server.url("/feed?n=\(index)"))).status
        }
      }
      for try await status in group { #expect(status == 200) }
    }
    #expect(server.requests(to: "/feed").count == 12)
    #expect(server.peakConnections <= 2)
  }

  @Test("Cancelling the waiting task cancels the transfer")
  func cancellation() async throws {
    // The server answers after 30 s: a fetch that ignored the cancellation would return that
    // answer instead of throwing. It is cancelled once the server holds the request.
    server.route("/stall") { _ in .init(body: Data("x".utf8), delay: .seconds(30)) }
    // An engine with no speed limit or timeout that could end the transfer first, however
    // slowly this machine runs the test.
    let patient = CurlEngine(
      settings: FetchSettings(
        timeout: .seconds(600), lowSpeedBytesPerSecond: 0, lowSpeedTime: .seconds(600)))
    defer { patient.shutdown() }
    let task = Task { try await patient.fetch(FetchRequest(url: server.url("/stall"))) }
    while server.requests(to: "/stall").isEmpty { try await Task.sleep(for: .milliseconds(5)) }
    task.cancel()
    await #expect(throws: FetchError.cancelled) { try await task.value }
  }
}

@Suite("HTTP response values")
struct FetchResponseTests {
  @Test(
    "Validators: control characters, empty or overlong values are dropped",
    arguments: [
      ("\"abc\"", true), ("W/\"5f-abc\"", true), ("Mon, 10 Apr 2023 18:16:05 GMT", true),
      ("\"Қазақстан\"", true), ("\"a\r\nSet-Cookie: x=1\"", false), ("\"a\nb\"", false),
      ("\"a\rb\"", false), ("\"a\u{0}b\"", false), ("\"a\tb\"", false),
      ("\"a\u{7F}\"", false), ("\"a\u{85}\"", false), ("", false),
      ("\"" + String(repeating: "x", count: 1100) + "\"", false),
    ])
  func validators(value: String, kept: Bool) {
    let response = FetchResponse(
      status: 200, headers: [("etag", value), ("last-modified", value)], body: Data(),
      effectiveURL: "", redirectCount: 0)
    #expect((response.etag == value) == kept)
    #expect((response.lastModified == value) == kept)
    #expect(HTTPValidator.isSafe(value) == kept)
  }

  @Test(
    "charset from Content-Type",
    arguments: [
      ("text/xml; charset=windows-1251", "windows-1251"),
      ("application/rss+xml;charset=\"UTF-8\"", "UTF-8"),
      ("text/xml; boundary=x; Charset=koi8-r", "koi8-r"),
      ("text/xml", nil),
      // Not a charset label: junk from the server is ignored, the body's declaration decides.
      ("text/xml; charset=\"\"", nil), ("text/xml; charset=utf-8\u{01}", nil),
      ("text/xml; charset=" + String(repeating: "x", count: 41), nil),
      ("text/xml; charset=utf 8", nil), ("text/xml; charset=ISO_8859-5:1988", "ISO_8859-5:1988"),
    ] as [(String, String?)])
  func charset(contentType: String, expected: String?) {
    let response = FetchResponse(
      status: 200, headers: [("content-type", contentType)], body: Data(), effectiveURL: "",
      redirectCount: 0)
    #expect(response.charset == expected)
  }
}
