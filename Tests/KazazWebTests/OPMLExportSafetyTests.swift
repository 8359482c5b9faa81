import Foundation
import KazazModel
import KazazText
import KazazWeb
import Testing

@Suite("OPML export of hostile titles")
struct OPMLExportSafetyTests {
  @Test("C1 and bidirectional controls are written as references: safe to print, same to a reader")
  func controlsAsReferences() throws {
    let title = "Kazinform \u{9B}31mRED\u{202E}txt.exe \u{7F}end"
    let opml = OPML.write(
      [OPMLFeed(url: "https://example.kz/rss", title: title)], title: "Feeds \u{85}")
    #expect(!opml.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" })
    #expect(opml.contains("&#x9B;31mRED&#x202E;txt.exe &#x7F;end"))
    let read = try OPML.parse(Data(opml.utf8))
    #expect(read.first?.title == title)
  }
}
