// libFuzzer entry point over the HTML article extractor, built by bench/fuzz/run.sh (never by
// SwiftPM). It calls the extractor's public entry point only (`ArticleExtractor.extract(data:
// httpCharset:)`, page bytes in, article out), so it survives changes to how extraction works.
// The HTTP charset is chosen by the input's length, so that the committed seeds stay plain pages.
//
// Promises checked: no trap; the same page gives the same article; text, title and author no
// longer than the page's bytes can decode to (three UTF-8 bytes per byte, for single-byte
// encodings); no empty title or author; a page date that can be written as RFC 3339 and stored.
import Foundation

@testable import KazazModel
@testable import KazazWeb

/// A broken promise: says which on standard error (an optimised `precondition` would not),
/// then traps, which libFuzzer reports as a crash.
private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
  guard !condition else { return }
  FileHandle.standardError.write(Data("broken promise: \(message())\n".utf8))
  fatalError()
}

private let charsets: [String?] = [
  nil, "utf-8", "windows-1251", nil, "koi8-r", "iso-8859-1", "utf-16", "x-no-such-charset",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  let charset = charsets[count % charsets.count]
  let article = ArticleExtractor.extract(data: data, httpCharset: charset)
  check(
    ArticleExtractor.extract(data: data, httpCharset: charset) == article,
    "the same page gave another article")

  let limit = 3 * count + 64
  check(article.text.utf8.count <= limit, "text of \(article.text.utf8.count) bytes from \(count)")
  for (value, what) in [(article.title, "title"), (article.author, "author")] {
    guard let value else { continue }
    check(!value.isEmpty, "an empty \(what)")
    check(value.utf8.count <= limit, "\(what) of \(value.utf8.count) bytes from \(count)")
  }
  if let published = article.published {
    check(
      CivilTime.writableSeconds.contains(published.timeIntervalSince1970),
      "page date outside years 1–9999: \(published.timeIntervalSince1970)")
  }
  return 0
}
