import Foundation
import KazazModel
import Testing

@testable import KazazParse

/// Inputs the `dates` fuzz target (bench/fuzz/dates) found, kept as tests.
@Suite("Dates found by fuzzing")
struct DateFuzzRegressionTests {
  static let now = Date(timeIntervalSince1970: 1_795_000_000)

  @Test(
    "An instant outside years 1–9999 in UTC is no date, whatever its zone or fraction",
    arguments: [
      "9999-12-31T23:59:59-18:00", "9999-12-31T23:59:59-00:01", "9999-12-31T23:59:59.5Z",
      "0001-01-01T00:00:00+18:00", "0001-01-01T00:00:00+00:01",
    ])
  func outsideWritableYears(text: String) {
    #expect(CivilTime.iso8601(text) == nil)
  }

  @Test("The ends of the writable range are read")
  func writableEnds() throws {
    let last = try #require(CivilTime.iso8601("9999-12-31T23:59:59Z"))
    #expect(last.timeIntervalSince1970 == CivilTime.writableSeconds.upperBound)
    let first = try #require(CivilTime.iso8601("0001-01-01T00:00:00Z"))
    #expect(first.timeIntervalSince1970 == CivilTime.writableSeconds.lowerBound)
    #expect(CivilTime.rfc3339(last) == "9999-12-31T23:59:59Z")
  }

  @Test(
    "A three-digit RFC 822 year is getYear()'s years since 1900 on the fast path too",
    arguments: [
      ("08 Jan 101 15:40:26 GMT", 978_968_426), ("Mon, 10 Apr 123 18:16:05 +0500", 1_681_132_565),
    ])
  func threeDigitYear(text: String, expected: Int) {
    #expect(
      FeedDateParser.parse(text, now: Self.now).map { Int($0.timeIntervalSince1970) } == expected)
  }
}
