import Foundation
import KazazModel
import Testing

@Suite("Civil time arithmetic on hostile values")
struct CivilTimeLimitTests {
  @Test("RFC 3339 of any date is 20 bytes within years 1–9999; day arithmetic never traps")
  func neverTraps() {
    #expect(CivilTime.rfc3339(Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59Z")
    #expect(CivilTime.rfc3339(Date(timeIntervalSince1970: -.infinity)) == "0001-01-01T00:00:00Z")
    #expect(CivilTime.rfc3339(Date(timeIntervalSince1970: .nan)) == "1970-01-01T00:00:00Z")
    #expect(
      CivilTime.rfc3339(Date(timeIntervalSince1970: 1_681_150_565)) == "2023-04-10T18:16:05Z")
    for value in [Int.max, Int.min, Int.max / 2, -(Int.max / 2)] {
      _ = CivilTime.days(year: value, month: value, day: value)
      _ = CivilTime.civil(days: value)
    }
    #expect(CivilTime.days(year: 2023, month: 4, day: 10) == 19_457)
  }
}
