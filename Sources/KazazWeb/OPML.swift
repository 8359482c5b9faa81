import CLibXML2
import Foundation
import KazazModel
import KazazText

/// One subscription in an OPML file.
public struct OPMLFeed: Sendable, Equatable {
  public var url: String
  public var title: String?
  /// The folder path, `/`-separated ("Agencies/Azerbaijan"); nil at the top level.
  public var category: String?
  /// The site's home page (`htmlUrl`).
  public var siteURL: String?
  /// The feed's language (OPML 2.0 `language`), when it is a language tag (`LanguageTag`).
  public var language: String?

  public init(
    url: String, title: String? = nil, category: String? = nil, siteURL: String? = nil,
    language: String? = nil
  ) {
    self.url = url
    self.title = title
    self.category = category
    self.siteURL = siteURL
    self.language = language
  }
}

/// Why an OPML file could not be read.
public struct OPMLError: Error, CustomStringConvertible, Equatable {
  public var description: String
}

/// OPML 1.0 and 2.0 subscription lists, as feed readers exchange them.
///
/// Reading: every `outline` with an `xmlUrl` is a feed (with its `language` when that is a
/// language tag); the `text` (or `title`) of the outlines around it is its category path; a feed directly at the top with an OPML 2.0 `category`
/// attribute takes its first category. Writing: OPML 2.0, one folder outline per category level,
/// in the order feeds are given, so reading a written file gives the same list back.
public enum OPML {
  public static func parse(_ data: Data) throws(OPMLError) -> [OPMLFeed] {
    let options =
      Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOERROR.rawValue)
      | Int32(XML_PARSE_NOWARNING.rawValue) | Int32(XML_PARSE_NOCDATA.rawValue)
    // libxml2 takes the length as a C int.
    guard let length = Int32(exactly: data.count) else {
      throw OPMLError(description: "the file is too large for an OPML file (\(data.count) bytes)")
    }
    kazaz_xml_silence_generic_errors()
    let document: xmlDocPtr? = data.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress, length > 0 else { return nil }
      return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), length, nil, nil, options)
    }
    guard let document else { throw OPMLError(description: "not well-formed XML") }
    defer { xmlFreeDoc(document) }
    guard let root = xmlDocGetRootElement(document), name(root) == "opml" else {
      throw OPMLError(description: "not an OPML file (the root element is not <opml>)")
    }
    guard let body = elements(root).first(where: { name($0) == "body" }) else {
      throw OPMLError(description: "the OPML file has no <body>")
    }
    var feeds: [OPMLFeed] = []
    collect(body, path: [], into: &feeds)
    return feeds
  }

  private static func collect(_ node: xmlNodePtr, path: [String], into feeds: inout [OPMLFeed]) {
    for outline in elements(node) where name(outline) == "outline" {
      let label = (attribute(outline, "text") ?? attribute(outline, "title")).map(collapsed)
      // An `xmlUrl` of nothing but white space is no feed: the outline is a folder.
      if let url = (attribute(outline, "xmlUrl") ?? attribute(outline, "xmlurl"))?
        .trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty
      {
        var category = categoryPath(path)
        if category == nil, let declared = attribute(outline, "category") {
          category = declared.split(separator: ",").first.flatMap { categoryPath([String($0)]) }
        }
        feeds.append(
          OPMLFeed(
            url: url,
            title: (attribute(outline, "title") ?? label).flatMap { $0.isEmpty ? nil : $0 },
            category: category, siteURL: attribute(outline, "htmlUrl"),
            language: attribute(outline, "language").map {
              $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            }.flatMap { LanguageTag.isValid($0) ? $0 : nil }))
      } else {
        let folder = label.flatMap { $0.isEmpty ? nil : $0 }
        collect(outline, path: folder.map { path + [$0] } ?? path, into: &feeds)
      }
    }
  }

  /// White space runs as single spaces, none at the ends.
  private static func collapsed(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The levels of a category path: each part of `parts` split at `/`, white space collapsed,
  /// empty levels dropped. Reading and writing both go through it, so that a written file reads
  /// back as the same categories.
  static func categoryLevels(_ parts: [String]) -> [String] {
    parts.flatMap { $0.split(separator: "/") }.map { collapsed(String($0)) }.filter {
      !$0.isEmpty
    }
  }

  /// `Agencies/Kazakhstan` from its levels, or nil when there are none.
  private static func categoryPath(_ parts: [String]) -> String? {
    let levels = categoryLevels(parts)
    return levels.isEmpty ? nil : levels.joined(separator: "/")
  }

  private static func elements(_ node: xmlNodePtr) -> [xmlNodePtr] {
    var result: [xmlNodePtr] = []
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
      child = current.pointee.next
    }
    return result
  }

  private static func name(_ node: xmlNodePtr) -> String {
    node.pointee.name.map { String(cString: $0) } ?? ""
  }

  private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
    var attribute = node.pointee.properties
    while let current = attribute {
      if let attributeName = current.pointee.name, String(cString: attributeName) == name {
        var value = ""
        var text = current.pointee.children
        while let piece = text {
          if let content = piece.pointee.content { value += String(cString: content) }
          text = piece.pointee.next
        }
        return value
      }
      attribute = current.pointee.next
    }
    return nil
  }

  /// An OPML 2.0 document listing `feeds`, folders nested by category path.
  public static func write(_ feeds: [OPMLFeed], title: String, created: Date? = nil) -> String {
    final class Folder {
      let name: String
      var entries: [Entry] = []
      init(name: String) { self.name = name }
      func folder(_ name: String) -> Folder {
        for case .folder(let folder) in entries where folder.name == name { return folder }
        let folder = Folder(name: name)
        entries.append(.folder(folder))
        return folder
      }
    }
    enum Entry {
      case feed(OPMLFeed)
      case folder(Folder)
    }
    let root = Folder(name: "")
    for feed in feeds {
      var folder = root
      for level in categoryLevels([feed.category ?? ""]) {
        folder = folder.folder(level)
      }
      folder.entries.append(.feed(feed))
    }
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<opml version=\"2.0\">", "  <head>",
      "    <title>\(escape(title))</title>",
    ]
    if let created {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = TimeZone(identifier: "UTC")
      formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
      lines.append("    <dateCreated>\(formatter.string(from: created))</dateCreated>")
    }
    lines += ["  </head>", "  <body>"]
    func emit(_ folder: Folder, indent: String) {
      for entry in folder.entries {
        switch entry {
        case .feed(let feed):
          let text = feed.title ?? feed.url
          var line =
            "\(indent)<outline type=\"rss\" text=\"\(escape(text))\" title=\"\(escape(text))\" xmlUrl=\"\(escape(feed.url))\""
          if let site = feed.siteURL { line += " htmlUrl=\"\(escape(site))\"" }
          if let language = feed.language { line += " language=\"\(escape(language))\"" }
          lines.append(line + "/>")
        case .folder(let child):
          lines.append("\(indent)<outline text=\"\(escape(child.name))\">")
          emit(child, indent: indent + "  ")
          lines.append("\(indent)</outline>")
        }
      }
    }
    emit(root, indent: "    ")
    lines += ["  </body>", "</opml>"]
    return lines.joined(separator: "\n") + "\n"
  }

  static func escape(_ text: String) -> String { XMLEscaping.escape(text) }
}
