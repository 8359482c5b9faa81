import Foundation
import GRDB
import Testing

@testable import KazazStore

@Suite("Stored dates")
struct StoredDateTests {
  /// The arithmetic formatting must write exactly what GRDB writes: SQLite compares the text.
  @Test("Dates are written as GRDB writes them")
  func sameTextAsGRDB() {
    var dates = [
      Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.0005),
      Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
      Date(timeIntervalSince1970: 4_107_542_400),  // 2100-03-01
      Date(timeIntervalSince1970: 1_764_000_000.9995),
      Date(timeIntervalSince1970: 1_735_689_599.999),
      Date(timeIntervalSince1970: -2_208_988_800), Date(timeIntervalSince1970: 7_258_118_400),
      Date(timeIntervalSince1970: -11_676_096_000),  // 1600-01-01, left to GRDB
      Date(timeIntervalSince1970: 253_402_300_799),  // the last second of 9999, left to GRDB
    ]
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    for _ in 0..<100_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let unit = Double(state >> 11) / Double(1 << 53)
      dates.append(Date(timeIntervalSince1970: -2_300_000_000 + unit * 9_700_000_000))
    }
    for date in dates {
      #expect(StoredDate.databaseValue(date) == date.databaseValue, "\(date.timeIntervalSince1970)")
    }
  }

  @Test("A date no calendar can write is stored as the nearest writable one, never trapping")
  func hostileDates() throws {
    let first = "1600-01-01 00:00:00.000"
    let last = "9999-12-31 23:59:59.000"
    let cases: [(Double, String)] = [
      (1e300, last), (.infinity, last), (253_402_300_800, last), (-1e300, first),
      (-.infinity, first), (-62_135_596_801, first), (-11_676_096_001, first),
      (.nan, "1970-01-01 00:00:00.000"),
    ]
    for (seconds, expected) in cases {
      let stored = StoredDate.databaseValue(Date(timeIntervalSince1970: seconds))
      #expect(String.fromDatabaseValue(stored) == expected, "\(seconds)")
      // GRDB reads it back as a date.
      #expect(Date.fromDatabaseValue(stored) != nil, "\(seconds)")
    }
  }
}
