import Foundation
import KazazModel
import KazazParse

/// Reads an Atom feed of digests back with the project's own feed parser, as a reader would.
enum AtomFeedReader {
  static func parse(_ text: String) throws -> ParsedFeed {
    try FeedParser().parse(Data(text.utf8), baseURL: "https://digests.example/digests.atom")
  }
}
