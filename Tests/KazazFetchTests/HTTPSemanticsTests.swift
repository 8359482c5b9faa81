import Foundation
import KazazTesting
import Testing

@testable import KazazFetch

/// HTTP semantics as values: no network.
@Suite("HTTP semantics")
struct HTTPSemanticsTests {
  func response(_ headers: [(String, String)], redirects: [Redirect] = []) -> FetchResponse {
    FetchResponse(
      status: 200, headers: headers.map { ($0.0.lowercased(), $0.1) }, body: Data(),
      effectiveURL: "https://new.example/feed", redirectCount: redirects.count,
      redirects: redirects)
  }

  static let now = Date(timeIntervalSince1970: 1_764_000_000)  // Mon, 24 Nov 2025 16:00:00 GMT

  @Test(
    "Retry-After: seconds or an HTTP date",
    arguments: [
      ("120", 120), ("0", 0), ("-5", 0), ("Mon, 24 Nov 2025 16:10:00 GMT", 600),
      ("Monday, 24-Nov-25 16:01:00 GMT", 60), ("Mon Nov 24 16:00:30 2025", 30),
      ("Mon, 24 Nov 2025 15:00:00 GMT", 0),
    ])
  func retryAfter(value: String, seconds: Int) {
    #expect(response([("Retry-After", value)]).retryAfter(now: Self.now) == .seconds(seconds))
  }

  @Test("Retry-After absent or unreadable")
  func retryAfterMissing() {
    #expect(response([]).retryAfter(now: Self.now) == nil)
    #expect(response([("Retry-After", "soon")]).retryAfter(now: Self.now) == nil)
  }

  @Test(
    "Cache-Control max-age",
    arguments: [
      ("max-age=600", 600 as Int?), ("public, max-age=300, s-maxage=900", 900),
      ("no-cache", 0), ("private", nil), ("max-age=\"60\"", 60),
    ])
  func maxAge(value: String, seconds: Int?) {
    #expect(response([("Cache-Control", value)]).cacheMaxAge == seconds.map { .seconds($0) })
  }

  @Test(
    "Retry-After from a hostile server: huge numbers and far dates clamp to a year, never trap",
    arguments: [
      ("99999999999999999999999999999999", FetchResponse.maximumDelaySeconds),
      ("9223372036854775808", FetchResponse.maximumDelaySeconds),
      ("-9223372036854775809", 0), ("+30", 30), ("31536001", FetchResponse.maximumDelaySeconds),
      ("Fri, 31 Dec 9999 23:59:59 GMT", FetchResponse.maximumDelaySeconds),
      ("Mon, 01 Jan 0001 00:00:00 GMT", 0),
    ] as [(String, Int)])
  func retryAfterHostile(value: String, seconds: Int) {
    #expect(response([("Retry-After", value)]).retryAfter(now: Self.now) == .seconds(seconds))
  }

  @Test(
    "HTTP dates in their three forms, checked against the calendar",
    arguments: [
      ("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777 as Double?),
      ("Sunday, 06-Nov-94 08:49:37 GMT", 784_111_777), ("Sun Nov  6 08:49:37 1994", 784_111_777),
      ("sun, 06 nov 1994 08:49:37 utc", 784_111_777),
      ("Thu, 29 Feb 2024 00:00:00 GMT", 1_709_164_800),
      ("Mon, 24 Nov 2025 23:59:60 GMT", 1_764_028_799),
      ("Fri, 31 Dec 9999 23:59:59 GMT", 253_402_300_799),
      ("Thu, 30 Feb 2023 00:00:00 GMT", nil), ("Sun, 06 Nov 1994 24:00:00 GMT", nil),
      ("Sun, 06 Nov 1994 08:60:00 GMT", nil), ("Sun, 06 Nov 1994 08:49:37 CET", nil),
      ("Sun, 06 Nov 1994 08:49:37", nil), ("Xyz, 06 Nov 1994 08:49:37 GMT", nil),
      ("Sun, 06 Novem 1994 08:49:37 GMT", nil), ("Sun, 6 Nov 19940 08:49:37 GMT", nil),
      ("Sun, 06 Nov 1994 8:49:37 GMT", nil), ("Sun, 06 Nov 1994 08:49:37 GMT extra", nil),
      ("Sun, 00 Nov 1994 08:49:37 GMT", nil), ("", nil), (",,,", nil),
      // Year 0000 lies before the dates RFC 3339 and the store can write (found by fuzzing).
      ("Mon, 01 Jan 0000 00:00:00 GMT", nil), ("Sat, 01 Jan 0001 00:00:00 GMT", -62_135_596_800),
    ] as [(String, Double?)])
  func httpDates(text: String, seconds: Double?) {
    #expect(HTTPDate.parse(text)?.timeIntervalSince1970 == seconds)
  }

  @Test(
    "Retry-After that is not delta-seconds nor a date is ignored",
    arguments: [
      "", "12abc", "1e9", "- 5", "0x10", "--5", String(repeating: "Mon, ", count: 40),
      "Fri, 31 Dec 99999999999 23:59:59 GMT",
    ])
  func retryAfterJunk(value: String) {
    #expect(response([("Retry-After", value)]).retryAfter(now: Self.now) == nil)
  }

  @Test(
    "Cache-Control that is malformed or huge: skipped or clamped, never a crash",
    arguments: [
      ("max-age=60,=", 60 as Int?), ("=", nil), (",,,", nil), ("max-age", nil),
      ("max-age=", nil), ("=max-age=5", nil), ("max-age==5", nil), (" , max-age = 30 ,", 30),
      ("max-age=99999999999999999999999", FetchResponse.maximumDelaySeconds),
      ("s-maxage=9223372036854775807", FetchResponse.maximumDelaySeconds),
      ("max-age=-5", 0), ("max-age=\"\"", nil), ("max-age=\"", nil), ("max-age=5s", nil),
    ])
  func maxAgeHostile(value: String, seconds: Int?) {
    #expect(response([("Cache-Control", value)]).cacheMaxAge == seconds.map { .seconds($0) })
  }

  @Test("A permanent move that downgrades is followed for the poll but not kept")
  func downgradedMoves() throws {
    let permanent = [Redirect(status: 301, location: "http://new.example/feed")]
    func moved(from requested: String, to effective: String, endpoints: [String] = [])
      -> FetchResponse
    {
      FetchResponse(
        status: 200, headers: [], body: Data(), effectiveURL: effective, redirectCount: 1,
        redirects: permanent, requestedURL: requested,
        endpoints: endpoints.map { Endpoint(address: IPAddress($0)!, port: 80) })
    }
    let toHTTP = moved(from: "https://old.example/feed", to: "http://new.example/feed")
    #expect(toHTTP.permanentlyMovedTo == nil)
    #expect(toHTTP.permanentMoveDowngrade?.contains("would leave https for http") == true)
    let upgrade = moved(from: "http://old.example/feed", to: "https://new.example/feed")
    #expect(upgrade.permanentlyMovedTo == "https://new.example/feed")
    let staysHTTPS = moved(from: "HTTPS://old.example/feed", to: "https://new.example/feed")
    #expect(staysHTTPS.permanentlyMovedTo == "https://new.example/feed")
    let inward = moved(
      from: "http://old.example/feed", to: "http://new.example/feed",
      endpoints: ["93.184.216.34", "10.0.0.7"])
    #expect(inward.permanentlyMovedTo == nil)
    #expect(inward.permanentMoveDowngrade?.contains("10.0.0.7, a private address") == true)
    let local = moved(
      from: "http://old.example/feed", to: "http://new.example/feed",
      endpoints: ["127.0.0.1", "127.0.0.1"])
    #expect(local.permanentlyMovedTo == "http://new.example/feed")
    let outward = moved(
      from: "http://old.example/feed", to: "http://new.example/feed",
      endpoints: ["10.0.0.7", "93.184.216.34"])
    #expect(outward.permanentlyMovedTo == "http://new.example/feed")
  }

  @Test("Only an all-permanent redirect chain moves the feed")
  func permanentRedirects() {
    let permanent = [Redirect(status: 301, location: "/a"), Redirect(status: 308, location: "/b")]
    #expect(response([], redirects: permanent).permanentlyMovedTo == "https://new.example/feed")
    let mixed = [Redirect(status: 301, location: "/a"), Redirect(status: 302, location: "/b")]
    #expect(response([], redirects: mixed).permanentlyMovedTo == nil)
    #expect(response([]).permanentlyMovedTo == nil)
  }
}

@Suite("Fetching: compression, redirect chains, per-feed limits")
struct FetchBehaviourTests {
  let server: LoopbackHTTPServer
  let engine = CurlEngine(settings: FetchSettings(maxResponseBytes: 1024 * 1024))

  init() throws {
    server = try LoopbackHTTPServer()
  }

  @Test("A gzip-encoded body is decoded")
  func gzip() async throws {
    let compressed = try #require(
      Data(
        base64Encoded:
          "H4sIAP4qB2sC/7MpKi5WKEstKs7Mz7NVMtIzULKzSc5IzMtLzbGzKcksyUm1S6+y0YewbPThUvpAfXY2o5pHNY9qHtU8qnlU86jmUc2jmkc1j2oenJoBkd27z+oLAAA="
      ))
    server.route("/gz") { request in
      guard request.headers["accept-encoding"]?.contains("gzip") == true else {
        return .init(status: 406)
      }
      return .init(headers: [("Content-Encoding", "gzip")], body: compressed)
    }
    let response = try await engine.fetch(FetchRequest(url: server.url("/gz")))
    #expect(response.status == 200)
    let text = String(decoding: response.body, as: UTF8.self)
    #expect(text.hasPrefix("<rss version=\"2.0\"><channel><title>gz</title>"))
    #expect(response.body.count > compressed.count * 5)
  }

  @Test("Each hop of a redirect chain is recorded with its status")
  func chain() async throws {
    server.route("/one") { _ in .init(status: 301, headers: [("Location", "/two")]) }
    server.route("/two") { _ in .init(status: 302, headers: [("Location", "/three")]) }
    server.route("/three") { _ in .text("<rss/>") }
    let response = try await engine.fetch(FetchRequest(url: server.url("/one")))
    #expect(
      response.redirects == [
        Redirect(status: 301, location: "/two"), Redirect(status: 302, location: "/three"),
      ])
    #expect(response.permanentlyMovedTo == nil)

    server.route("/moved") { _ in .init(status: 308, headers: [("Location", "/three")]) }
    let moved = try await engine.fetch(FetchRequest(url: server.url("/moved")))
    #expect(moved.permanentlyMovedTo == server.url("/three"))
  }

  @Test("Hostile numbers in a live response: clamped or a clear error, never a trap")
  func hostileNumbers() async throws {
    server.route("/limits") { _ in
      .init(
        status: 503,
        headers: [
          ("Retry-After", "99999999999999999999999999"), ("Cache-Control", "max-age=60,="),
        ])
    }
    let limited = try await engine.fetch(FetchRequest(url: server.url("/limits")))
    #expect(limited.status == 503)
    #expect(limited.retryAfter(now: Date()) == .seconds(FetchResponse.maximumDelaySeconds))
    #expect(limited.cacheMaxAge == .seconds(60))

    server.route("/length") { _ in
      .init(headers: [("Content-Length", "99999999999999999999999")], body: Data("x".utf8))
    }
    await #expect(throws: FetchError.self) {
      try await engine.fetch(FetchRequest(url: server.url("/length")))
    }
  }

  @Test("A per-request size limit overrides the default")
  func perRequestLimit() async throws {
    server.route("/big") { _ in .init(body: Data(repeating: 0x41, count: 8 * 1024)) }
    await #expect(throws: FetchError.tooLarge(limit: 4096)) {
      try await engine.fetch(FetchRequest(url: server.url("/big"), maxResponseBytes: 4096))
    }
    #expect(try await engine.fetch(FetchRequest(url: server.url("/big"))).body.count == 8192)
  }

  @Test("The global concurrency limit holds across hosts")
  func globalLimit() async throws {
    let limited = CurlEngine(settings: FetchSettings(concurrency: 3, perHost: 10))
    server.route("/slow") { _ in .init(body: Data("x".utf8), delay: .milliseconds(100)) }
    try await withThrowingTaskGroup(of: Int.self) { group in
      for index in 0..<9 {
        group.addTask {
          try await limited.fetch(FetchRequest(url: server.url("/slow?n=\(index)"))).status
        }
      }
      for try await status in group { #expect(status == 200) }
    }
    #expect(server.peakConnections <= 3)
    #expect(server.peakConnections >= 2)
  }
}
