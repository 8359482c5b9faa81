import Testing

@testable import KazazFetch

@Suite("Header lines as libcurl hands them over")
struct HeaderLineTests {
  func read(_ text: String) -> HeaderLine.Kind {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { HeaderLine($0).kind }
  }

  @Test("Status lines of HTTP/1.x and HTTP/2 give their code")
  func statusLines() {
    #expect(read("HTTP/1.1 304 Not Modified\r\n") == .status(304))
    #expect(read("HTTP/2 200 \r\n") == .status(200))
    #expect(read("HTTP/1.0 410\r\n") == .status(410))
    #expect(read("HTTP/1.1 abc\r\n") == .status(0))
  }

  @Test("A status code is exactly three digits; anything else is 0")
  func malformedStatus() {
    #expect(read("HTTP/1.1 20\r\n") == .status(0))
    #expect(read("HTTP/1.1 2000 OK\r\n") == .status(0))
    #expect(read("HTTP/1.1 99999999999999999999999999\r\n") == .status(0))
    #expect(read("HTTP/1.1 30x\r\n") == .status(0))
    #expect(read("HTTP/1.1\r\n") == .status(0))
    #expect(read("HTTP/\r\n") == .status(0))
  }

  @Test("Fields: the name lower-cased, optional whitespace trimmed, the value kept as sent")
  func fields() {
    #expect(read("ETag:  \"5f-abc\" \r\n") == .field(name: "etag", value: "\"5f-abc\""))
    #expect(
      read("Content-Type:\tapplication/rss+xml; charset=windows-1251\r\n")
        == .field(name: "content-type", value: "application/rss+xml; charset=windows-1251"))
    #expect(
      read("Location: http://127.0.0.1/a:b\r\n")
        == .field(name: "location", value: "http://127.0.0.1/a:b"))
    #expect(read("X-Title: Қазақстан\r\n") == .field(name: "x-title", value: "Қазақстан"))
    #expect(read("Retry-After:\r\n") == .field(name: "retry-after", value: ""))
  }

  @Test("The blank line that ends the headers, and junk, are neither")
  func others() {
    #expect(read("\r\n") == .other)
    #expect(read("no colon here\r\n") == .other)
  }
}
