import CLibXML2
import Foundation

/// Turns an HTML fragment (a feed's title, description or content) into clean plain text:
/// tags removed, entities decoded, `script`/`style` dropped, block elements separated by line
/// breaks, runs of white space collapsed. Uses libxml2's forgiving HTML parser, so broken markup
/// is handled as a browser would.
public enum HTMLText {
  public static func plainText(_ html: String) -> String {
    guard html.contains("<") || html.contains("&") else { return collapse(html) }
    let collector = TextCollector()
    var handler = htmlSAXHandler()
    handler.startElement = htmlStart
    handler.endElement = htmlEnd
    handler.characters = htmlCharacters
    handler.cdataBlock = htmlCharacters
    handler.serror = htmlIgnoreError
    handler.initialized = 1
    let context = Unmanaged.passUnretained(collector).toOpaque()
    let bytes = Array(("<div>" + html + "</div>").utf8)
    guard
      let parser = htmlCreatePushParserCtxt(&handler, context, nil, 0, nil, XML_CHAR_ENCODING_UTF8)
    else { return collapse(html) }
    defer { htmlFreeParserCtxt(parser) }
    let options =
      Int32(HTML_PARSE_RECOVER.rawValue) | Int32(HTML_PARSE_NONET.rawValue)
      | Int32(HTML_PARSE_NOERROR.rawValue) | Int32(HTML_PARSE_NOWARNING.rawValue)
      | Int32(HTML_PARSE_NOIMPLIED.rawValue)
    htmlCtxtUseOptions(parser, options)
    bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        _ = htmlParseChunk(parser, $0, Int32(buffer.count), 1)
      }
    }
    return collapse(collector.text)
  }

  /// Collapses white space: spaces and tabs to one space, keeps single paragraph breaks.
  static func collapse(_ text: String) -> String {
    var lines: [String] = []
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2029}" }) {
      let words = line.split(whereSeparator: { $0.isWhitespace })
      if !words.isEmpty { lines.append(words.joined(separator: " ")) }
    }
    return lines.joined(separator: "\n")
  }

  static let blockElements: Set<String> = [
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "blockquote", "section", "article", "header", "footer", "pre", "dd", "dt", "figcaption", "hr",
  ]
  static let droppedElements: Set<String> = ["script", "style", "noscript", "template", "iframe"]
}

private final class TextCollector {
  var text = ""
  var skipDepth = 0
}

private func collector(_ context: UnsafeMutableRawPointer?) -> TextCollector? {
  context.map { Unmanaged<TextCollector>.fromOpaque($0).takeUnretainedValue() }
}

private func htmlStart(
  _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
  _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
  guard let collector = collector(context), let name else { return }
  let tag = String(cString: name).lowercased()
  if HTMLText.droppedElements.contains(tag) { collector.skipDepth += 1 }
  if HTMLText.blockElements.contains(tag) { collector.text += "\n" }
}

private func htmlEnd(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
  guard let collector = collector(context), let name else { return }
  let tag = String(cString: name).lowercased()
  if HTMLText.droppedElements.contains(tag) {
    collector.skipDepth = max(0, collector.skipDepth - 1)
  }
  if HTMLText.blockElements.contains(tag) { collector.text += "\n" }
}

private func htmlCharacters(
  _ context: UnsafeMutableRawPointer?, _ characters: UnsafePointer<xmlChar>?, _ length: Int32
) {
  guard let collector = collector(context), collector.skipDepth == 0, let characters else { return }
  collector.text += String(
    decoding: UnsafeBufferPointer(start: characters, count: Int(length)), as: UTF8.self)
}

private func htmlIgnoreError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {}
