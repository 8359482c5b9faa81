import CLibXML2
import Foundation
import KazazText

/// An HTML page parsed by libxml2's HTML parser (the forgiving one browsers' behaviour is modelled
/// on) into an `HTMLElement` tree. Never touches the network; errors are recovered, not reported.
public struct HTMLDocument {
  /// The `html` element (libxml2 adds one when the page has none).
  public let root: HTMLElement
  /// The character encoding the page was read in.
  public let encoding: String

  /// Parses `data`. The encoding is, in order: the HTTP `charset`, the page's own
  /// `<meta charset>` or `http-equiv` declaration, UTF-8 when the bytes are valid UTF-8 (or
  /// nearly: the stray bytes are replaced, since libxml2 would read the rest of the page as
  /// Latin-1 after the first), else a single-byte guess (`Charset`).
  public init(data: Data, httpCharset: String? = nil) {
    let resolution = HTMLCharset.decide(data: data, httpCharset: httpCharset)
    let encoding = resolution.encoding
    self.encoding = encoding
    let data =
      encoding == Charset.utf8 && resolution.contradictsLabel ? Charset.repairedUTF8(data) : data
    // Encoding failures would otherwise be printed on standard error, page after page.
    kazaz_xml_silence_generic_errors()
    let options =
      Int32(HTML_PARSE_RECOVER.rawValue) | Int32(HTML_PARSE_NONET.rawValue)
      | Int32(HTML_PARSE_NOERROR.rawValue) | Int32(HTML_PARSE_NOWARNING.rawValue)
      | Int32(HTML_PARSE_COMPACT.rawValue)
    let document: htmlDocPtr? = data.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
      // libxml2 takes the length as a C int: a page beyond 2 GiB is read up to there.
      return htmlReadMemory(
        base.assumingMemoryBound(to: CChar.self), Int32(clamping: buffer.count), nil, encoding,
        options)
    }
    let root = HTMLElement(name: "html", attributes: [:])
    if let document {
      defer { xmlFreeDoc(document) }
      if let top = xmlDocGetRootElement(document) { Self.build(from: top, into: root) }
    }
    // libxml2's root is itself `html`; unwrap it so `root` is that element.
    if root.children.count == 1, case .element(let only) = root.children[0], only.name == "html" {
      only.parent = nil
      self.root = only
    } else {
      self.root = root
    }
  }

  /// Parses a string that is already decoded.
  public init(html: String) {
    self.init(data: Data(html.utf8), httpCharset: "utf-8")
  }

  /// Deeper nesting than this is flattened into its ancestor: hostile pages nest thousands deep.
  static let maximumDepth = 200

  /// Copies libxml2's tree from `first` and its siblings into `root`, without recursion (a
  /// hostile page may nest far deeper than a thread's stack allows): depth first, in document
  /// order, with elements below `maximumDepth` folded into their ancestor at that depth.
  private static func build(from first: xmlNodePtr, into root: HTMLElement) {
    var pending: [(node: xmlNodePtr, parent: HTMLElement, depth: Int)] = []
    var sibling: xmlNodePtr? = first
    while let current = sibling {
      pending.append((current, root, 0))
      sibling = current.pointee.next
    }
    pending.reverse()
    while let (node, parent, depth) = pending.popLast() {
      guard let target = append(node, to: parent, depth: depth) else { continue }
      let start = pending.count
      var child = node.pointee.children
      while let current = child {
        pending.append((current, target, depth + 1))
        child = current.pointee.next
      }
      // Children were pushed first to last; the first must come off the stack first.
      pending[start...].reverse()
    }
  }

  /// Adds `node` to `parent` (text as text, elements as elements, anything else not at all);
  /// returns the element its children go to, or nil when it has none to take.
  private static func append(_ node: xmlNodePtr, to parent: HTMLElement, depth: Int)
    -> HTMLElement?
  {
    switch node.pointee.type {
    case XML_ELEMENT_NODE:
      guard depth < maximumDepth else { return parent }
      let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
      let element = HTMLElement(name: name, attributes: attributes(of: node))
      element.parent = parent
      parent.children.append(.element(element))
      return element
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      if let content = node.pointee.content {
        parent.children.append(.text(String(cString: content)))
      }
      return nil
    default:
      return nil
    }
  }

  /// An element's attributes, names lower-cased, the first of a repeated name kept.
  private static func attributes(of node: xmlNodePtr) -> [String: String] {
    var attributes: [String: String] = [:]
    var attribute = node.pointee.properties
    while let current = attribute {
      if let attributeName = current.pointee.name {
        let key = String(cString: attributeName).lowercased()
        if attributes[key] == nil {
          var value = ""
          var text = current.pointee.children
          while let piece = text {
            if let content = piece.pointee.content { value += String(cString: content) }
            text = piece.pointee.next
          }
          attributes[key] = value
        }
      }
      attribute = current.pointee.next
    }
    return attributes
  }
}

/// Chooses the encoding of an HTML page.
enum HTMLCharset {
  /// The HTTP `charset`, else the page's own declaration, as `Charset` resolves it against
  /// the bytes.
  static func decide(data: Data, httpCharset: String?) -> Charset.Resolution {
    let label = httpCharset.flatMap { $0.isEmpty ? nil : $0 } ?? declared(in: data)
    return Charset.resolve(label: label, data: data)
  }

  /// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the
  /// first 4 KiB.
  static func declared(in data: Data) -> String? {
    let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
    var searchFrom = head.startIndex
    while let meta = head.range(of: "<meta", range: searchFrom..<head.endIndex) {
      let end = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
      let tag = head[meta.upperBound..<end]
      if let charset = tag.range(of: "charset=") {
        let value = tag[charset.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
          .prefix { !"\"'; />".contains($0) }
        if !value.isEmpty { return String(value) }
      }
      searchFrom = end
    }
    return nil
  }
}
