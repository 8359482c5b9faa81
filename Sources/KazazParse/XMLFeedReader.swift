import CLibXML2
import Foundation
import KazazText

/// Reads feed XML with libxml2's SAX2 push parser, safely:
///
/// - recovery on: broken documents yield the items before (and often after) the damage, and each
///   problem becomes a warning;
/// - no `XML_PARSE_NOENT`, no `DTDLOAD`, no `HUGE`, and `NONET`: external entities and DTDs are
///   never loaded, from the network or from local files;
/// - entities declared in the document's internal subset are expanded by us, within a fixed
///   budget of bytes per document that every declaration and every reference is charged against:
///   an entity bomb (nested, as in "billion laughs", or one large entity referenced over and
///   over) is rejected quickly with a clear error;
/// - HTML entities that feeds use without declaring them (`&nbsp;`, `&mdash;`, `&laquo;`) are
///   understood, as browsers and feed readers do.
final class XMLFeedReader {
  /// Total bytes entity expansion may produce in one document: each declared value as it is
  /// built, and again at every reference to it. A feed that declares a few `&nbsp;`-style
  /// entities and uses them thousands of times spends kilobytes; more than this is an attack,
  /// and the document is rejected rather than truncated (nothing in it is worth keeping, and a
  /// cut would pass off a partial expansion as the text). Spending the whole budget takes a few
  /// milliseconds.
  static let expansionLimit = 4_000_000
  /// Elements are collected this deep below an item or the channel (e.g. `author/name`).
  static let captureDepth = 2
  /// Bounded memory per feed: text kept per field, items kept, elements kept per item. What is
  /// cut is reported as a warning.
  static let maxFieldBytes = 1 << 20
  static let maxItems = 50_000
  static let maxElementsPerItem = 512

  private struct Capture {
    /// Index in `paths`.
    var path: Int
    var depth: Int
    var attributes: RawAttributes
    /// Where this element's text starts in its item's (or the channel's) text.
    var textStart: Int
    var inItem: Bool
  }

  /// An element path below an item or the channel, and the field it is for the adapter.
  private struct Path {
    var name: String
    var field: RawField
  }

  @exclusivity(unchecked) private(set) var raw = RawFeed()
  var parserContext: xmlParserCtxtPtr?
  private(set) var failure: ParseError?
  private var depth = 0
  private var channelDepth: Int?
  private var itemDepth: Int?
  /// The item being read; its storage is reused for the next.
  @exclusivity(unchecked) private var currentItem = RawItem()
  /// The text buffers of `currentItem` and of the channel, which never change.
  private let itemText: Unmanaged<ByteBuffer>
  private let channelText: Unmanaged<ByteBuffer>
  private var itemCount = 0
  /// Receives each item as it ends, with the feed read so far (root, channel).
  private var onItem: ((RawItem, RawFeed) -> Void)?
  @exclusivity(unchecked) private var captures: [Capture] = []
  /// `textStart` of the outermost open capture, or -1: read on every text event, so kept apart
  /// from `captures` (copying a `Capture` out of the array costs reference counting).
  private var fieldStart = -1
  /// Depth of a `script`/`style` element inside XHTML content, whose text is not text.
  private var skipTextDepth: Int?
  private var truncatedFields = 0
  private var droppedItems = 0
  private var droppedElements = 0
  @exclusivity(unchecked) private var names = XMLNameTable()
  /// Element paths seen so far (`title`, `atom:author/atom:name`), by their index.
  @exclusivity(unchecked) private var paths: [Path] = []
  /// The index in `paths` of an element name directly below an item or the channel, by name.
  @exclusivity(unchecked) private var topPaths: [Int] = []
  /// The index in `paths` of a path one level deeper, by parent path and name.
  private var childPaths: [Int: Int] = [:]
  private var pathsByName: [String: Int] = [:]
  /// Prefix given to elements in no namespace (Atom documents that forgot theirs).
  private var unqualifiedPrefix = ""
  private var declared: [String: String] = [:]
  /// Bytes of entity expansion charged so far (see `expansionLimit`).
  private var expanded = 0
  /// The entities handed to libxml2, by name, each with what a reference to it costs: its length
  /// for declared entities, nothing for HTML's (never longer than the reference itself).
  private var entities: [String: (entity: UnsafeMutablePointer<xmlEntity>, cost: Int)] = [:]
  /// The entity declared last: libxml2 looks it up once right after the declaration (to attach
  /// its source text), which is no reference and is not charged.
  private var justDeclared: String?
  private var errorCount = 0
  private var stopAtFirstError = false
  private(set) var damaged = false

  init() {
    itemText = Unmanaged.passUnretained(currentItem.text)
    channelText = Unmanaged.passUnretained(raw.channel.text)
  }

  deinit {
    for (entity, _) in entities.values {
      free(UnsafeMutableRawPointer(mutating: entity.pointee.name))
      free(entity.pointee.content)
      // libxml2 hands the declaration's original text to the entity getEntity returned.
      free(entity.pointee.orig)
      free(entity)
    }
  }

  /// Parses `data`. `encoding` overrides the document's own declaration (from HTTP or sniffing).
  /// - Parameter decoding: a single-byte encoding to decode `data` from, chunk by chunk as it is
  ///   read (then `encoding` should be UTF-8); the bytes it leaves undefined are counted in
  ///   `undefined`.
  /// - Parameter stopAtFirstError: stop at the first XML error (the document is not clean) and
  ///   report it as `damaged`, instead of recovering.
  /// - Parameter onItem: called with each item as it ends (its storage is reused afterwards).
  static func read(
    _ data: Data, encoding: String?, decoding: SingleByteDecoder.Table? = nil,
    undefined: UnsafeMutablePointer<Int>? = nil, stopAtFirstError: Bool,
    onItem: @escaping (RawItem, RawFeed) -> Void
  ) -> (RawFeed, ParseError?, damaged: Bool) {
    kazaz_xml_silence_generic_errors()
    let reader = XMLFeedReader()
    reader.stopAtFirstError = stopAtFirstError
    var handler = xmlSAXHandler()
    handler.initialized = UInt32(XML_SAX2_MAGIC)
    handler.startElementNs = saxStartElement
    handler.endElementNs = saxEndElement
    handler.characters = saxCharacters
    handler.cdataBlock = saxCharacters
    handler.getEntity = saxGetEntity
    handler.entityDecl = saxEntityDecl
    handler.serror = saxStructuredError
    let context = Unmanaged.passUnretained(reader).toOpaque()
    guard let parser = xmlCreatePushParserCtxt(&handler, context, nil, 0, nil) else {
      return (reader.raw, .malformedXML(line: 0, message: "cannot create the XML parser"), false)
    }
    defer {
      // libxml2 builds a stub document to hold a DOCTYPE's entities even for SAX; it is ours.
      if let document = parser.pointee.myDoc { xmlFreeDoc(document) }
      xmlFreeParserCtxt(parser)
    }
    reader.parserContext = parser
    reader.onItem = onItem
    var options =
      Int32(XML_PARSE_RECOVER.rawValue) | Int32(XML_PARSE_NONET.rawValue)
      | Int32(XML_PARSE_NOCDATA.rawValue) | Int32(XML_PARSE_COMPACT.rawValue)
    // A forced encoding must survive the XML declaration, which libxml2 would otherwise obey.
    if encoding != nil { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
    xmlCtxtUseOptions(parser, options)
    if let encoding {
      guard let handlerForEncoding = xmlFindCharEncodingHandler(encoding) else {
        return (reader.raw, .unsupportedEncoding(encoding), false)
      }
      xmlSwitchToEncoding(parser, handlerForEncoding)
    }
    let chunkSize = 64 * 1024
    // Decoded chunks: at most three bytes of UTF-8 a byte, and room for the decoder's last store.
    let decoded = decoding.map { _ in
      UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize * 3 + 4, alignment: 8)
    }
    defer { decoded?.deallocate() }
    data.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count && reader.failure == nil && !reader.damaged {
        let length = min(chunkSize, buffer.count - offset)
        let chunk = UnsafeRawBufferPointer(start: base + offset, count: length)
        if let decoding, let decoded {
          let (written, undefinedBytes) = SingleByteDecoder.decode(
            chunk, into: decoded, with: decoding)
          undefined?.pointee += undefinedBytes
          xmlParseChunk(
            parser, decoded.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(written), 0)
        } else {
          xmlParseChunk(
            parser, chunk.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(length), 0)
        }
        offset += length
      }
    }
    if reader.failure == nil && !reader.damaged { xmlParseChunk(parser, nil, 0, 1) }
    if reader.damaged { return (reader.raw, reader.failure, true) }
    reader.closeOpenElements()
    reader.reportLimits()
    return (reader.raw, reader.failure, false)
  }

  // MARK: - Events

  fileprivate func startElement(
    name: XMLNameTable.Name, uri: UnsafePointer<xmlChar>?, attributes: AttributePointers
  ) {
    depth += 1
    if raw.root == nil {
      raw.root = name.string
      raw.rootAttributes = readAttributes(attributes)
      if name.string == "feed" {
        // Atom without its namespace, as some generators write it: read it as Atom 1.0.
        raw.root = "atom:feed"
        unqualifiedPrefix = "atom:"
      }
      if name.string == "atom:feed" || name.string == "atom03:feed" { channelDepth = depth }
      return
    }
    if itemDepth == nil, channelDepth == nil, name.string == "channel" {
      channelDepth = depth
      raw.channelNamespace = uri.map { String(cString: $0) }
      return
    }
    if itemDepth == nil, name.isItem {
      itemDepth = depth
      let values = readAttributes(attributes)
      currentItem.reset(base: values["xml:base"], about: values["rdf:about"])
      return
    }
    let anchor = itemDepth ?? (channelDepth.flatMap { depth > $0 ? $0 : nil })
    guard let anchor else { return }
    let relative = depth - anchor
    if relative <= Self.captureDepth {
      let path: Int
      if relative == 1 {
        path = topPath(name)
      } else {
        var parent = -1
        for capture in captures.reversed() where capture.depth == depth - 1 {
          parent = capture.path
          break
        }
        path = childPath(parent: parent, name: name)
      }
      let inItem = itemDepth != nil
      let start = inItem ? currentItem.text.count : raw.channel.text.count
      if captures.isEmpty { fieldStart = start }
      // Attributes of elements the adapter never reads are not worth making strings of.
      let values =
        paths[path].field == .other ? RawAttributes() : readAttributes(attributes)
      captures.append(
        Capture(path: path, depth: depth, attributes: values, textStart: start, inItem: inItem))
    } else if !captures.isEmpty {
      // Markup inside a field (XHTML content): keep words apart, and drop scripts and styles.
      appendSpace()
      if skipTextDepth == nil, name.hidesText {
        skipTextDepth = depth
      }
    }
  }

  /// The path of an element directly below an item or the channel.
  private func topPath(_ name: XMLNameTable.Name) -> Int {
    guard name.id >= 0 else { return pathIndex(name.string) }
    if name.id < topPaths.count, topPaths[name.id] >= 0 { return topPaths[name.id] }
    let index = pathIndex(name.string)
    if name.id >= topPaths.count {
      topPaths.append(contentsOf: repeatElement(-1, count: name.id + 1 - topPaths.count))
    }
    topPaths[name.id] = index
    return index
  }

  /// The path of an element one level deeper, below the element at `parent` (-1: none).
  private func childPath(parent: Int, name: XMLNameTable.Name) -> Int {
    let key = name.id >= 0 ? (parent + 1) << 32 | name.id : -1
    if key >= 0, let index = childPaths[key] { return index }
    let index = pathIndex("\(parent >= 0 ? paths[parent].name : "?")/\(name.string)")
    if key >= 0 { childPaths[key] = index }
    return index
  }

  private func pathIndex(_ path: String) -> Int {
    if let index = pathsByName[path] { return index }
    paths.append(Path(name: path, field: RawField(path: path)))
    pathsByName[path] = paths.count - 1
    return paths.count - 1
  }

  fileprivate func endElement() {
    defer { depth -= 1 }
    if depth == skipTextDepth { skipTextDepth = nil }
    if !captures.isEmpty, captures[captures.count - 1].depth == depth {
      let capture = captures.removeLast()
      if captures.isEmpty { fieldStart = -1 }
      let inItem = itemDepth != nil
      let end = inItem ? currentItem.text.count : raw.channel.text.count
      // A capture that began outside the item now open (or inside one now closed) has no text.
      let range = capture.inItem == inItem ? capture.textStart..<max(capture.textStart, end) : 0..<0
      let element = RawElement(
        field: paths[capture.path].field, range: range, attributes: capture.attributes)
      if inItem {
        if currentItem.elements.count < Self.maxElementsPerItem {
          currentItem.append(element)
        } else {
          droppedElements += 1
        }
      } else if raw.channel.elements.count < Self.maxElementsPerItem {
        raw.channel.append(element)
      } else {
        droppedElements += 1
      }
      return
    }
    if let itemDepth, depth == itemDepth {
      if itemCount < Self.maxItems {
        itemCount += 1
        onItem?(currentItem, raw)
      } else {
        droppedItems += 1
      }
      self.itemDepth = nil
    }
  }

  /// The attributes of an element, from libxml2's five pointers each: local name, prefix, URI,
  /// value start, value end.
  private func readAttributes(_ attributes: AttributePointers) -> RawAttributes {
    guard let pointers = attributes.pointers, attributes.count > 0 else { return RawAttributes() }
    var pairs: [(name: String, value: String)] = []
    pairs.reserveCapacity(attributes.count)
    for index in 0..<attributes.count {
      let base = index * 5
      guard let local = pointers[base], let start = pointers[base + 3],
        let end = pointers[base + 4]
      else { continue }
      let name = qualifiedName(local: local, uri: pointers[base + 2], isAttribute: true)
      let value = String(
        decoding: UnsafeBufferPointer(start: start, count: max(0, end - start)), as: UTF8.self)
      // A repeated name (only in a broken document) keeps its last value.
      if let previous = pairs.firstIndex(where: { $0.name == name.string }) {
        pairs[previous].value = value
      } else {
        pairs.append((name.string, value))
      }
    }
    return RawAttributes(pairs: pairs)
  }

  /// Appends a space to the open field (markup inside it keeps words apart).
  fileprivate func appendSpace() {
    guard !captures.isEmpty else { return }
    if itemDepth != nil {
      currentItem.text.append(0x20)
    } else {
      raw.channel.text.append(0x20)
    }
  }

  @inline(__always)
  fileprivate func appendBytes(_ bytes: UnsafePointer<xmlChar>, _ length: Int) {
    guard fieldStart >= 0, length > 0, skipTextDepth == nil else { return }
    // Unmanaged: the buffers live as long as the reader, and retaining one per call shows.
    (itemDepth != nil ? itemText : channelText)._withUnsafeGuaranteedRef { text in
      guard Self.maxFieldBytes - (text.count - fieldStart) >= length else {
        appendTruncated(bytes, length, to: text)
        return
      }
      text.append(bytes, count: length)
    }
  }

  /// Appends what still fits of a field that outgrows `maxFieldBytes`.
  private func appendTruncated(_ bytes: UnsafePointer<xmlChar>, _ length: Int, to text: ByteBuffer)
  {
    let room = Self.maxFieldBytes - (text.count - fieldStart)
    guard room > 0 else { return }
    // Cut at a character boundary: never leave half a UTF-8 sequence.
    var cut = room
    while cut > 0 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
    text.append(bytes, count: cut)
    text.append(repeating: 0x20, count: room - cut)
    truncatedFields += 1
  }

  /// Turns what the limits cut into warnings.
  private func reportLimits() {
    if truncatedFields > 0 {
      warn("\(truncatedFields) fields longer than \(Self.maxFieldBytes) bytes truncated")
    }
    if droppedItems > 0 { warn("\(droppedItems) items beyond \(Self.maxItems) dropped") }
    if droppedElements > 0 {
      warn("\(droppedElements) elements beyond \(Self.maxElementsPerItem) per item dropped")
    }
  }

  /// The prefixed name of an element or attribute, cached by libxml2's interned pointers.
  fileprivate func qualifiedName(
    local: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?, isAttribute: Bool = false
  ) -> XMLNameTable.Name {
    if let name = names.lookup(
      local: UnsafeRawPointer(local), uri: uri.map { UnsafeRawPointer($0) },
      isAttribute: isAttribute)
    {
      return name
    }
    let string = makeName(local: local, uri: uri, isAttribute: isAttribute)
    // Only libxml2's interned names live as long as the parse: other pointers may be reused.
    guard let parserContext, let dictionary = parserContext.pointee.dict,
      xmlDictOwns(dictionary, local) == 1, uri.map({ xmlDictOwns(dictionary, $0) == 1 }) ?? true
    else { return XMLNameTable.Name(string, id: -1) }
    return names.insert(
      string, local: UnsafeRawPointer(local), uri: uri.map { UnsafeRawPointer($0) },
      isAttribute: isAttribute)
  }

  private func makeName(
    local: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?, isAttribute: Bool
  ) -> String {
    let localName = String(cString: local)
    if uri == nil && !isAttribute && !unqualifiedPrefix.isEmpty && raw.root != nil {
      return unqualifiedPrefix + localName
    }
    return Namespaces.qualified(local: localName, uri: uri.map { String(cString: $0) })
  }

  /// A truncated document ends with open elements: keep what they hold.
  private func closeOpenElements() {
    while depth > 0 && (itemDepth != nil || !captures.isEmpty) {
      endElement()
    }
  }

  // MARK: - Entities

  /// Records an entity the document declares, expanding references to earlier ones within the
  /// budget. External entities are never loaded.
  fileprivate func declareEntity(name: String, type: Int32, content: String?) {
    guard failure == nil else { return }
    guard type == Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue), let content else {
      warn("external entity \"\(name)\" is not loaded")
      return
    }
    var value = ""
    var rest = Substring(content)
    while let ampersand = rest.firstIndex(of: "&") {
      value += rest[..<ampersand]
      let afterAmpersand = rest.index(after: ampersand)
      guard let semicolon = rest[afterAmpersand...].firstIndex(of: ";") else {
        value += rest[ampersand...]
        rest = ""
        break
      }
      let reference = String(rest[afterAmpersand..<semicolon])
      value += declared[reference] ?? Self.predefined(reference) ?? ""
      rest = rest[rest.index(after: semicolon)...]
      if expanded + value.utf8.count > Self.expansionLimit { break }
    }
    value += rest
    guard charge(value.utf8.count) else { return }
    declared[name] = value
    justDeclared = name
  }

  /// Charges `bytes` of expansion against the document's budget; past it, stops the parser with
  /// the entity-bomb error and returns false.
  @inline(__always)
  private func charge(_ bytes: Int) -> Bool {
    expanded += bytes
    guard expanded > Self.expansionLimit else { return true }
    if failure == nil {
      failure = .entityExpansion(limit: Self.expansionLimit)
      if let parserContext { xmlStopParser(parserContext) }
    }
    return false
  }

  /// Resolves `&name;`: document entities, then the five XML ones, then HTML's.
  fileprivate func entity(named name: String) -> UnsafeMutablePointer<xmlEntity>? {
    // libxml2 drops every entity reference once a document has had an error, even in recovery
    // mode; we keep reading them, since broken feeds are the rule.
    parserContext?.pointee.wellFormed = 1
    guard failure == nil else { return nil }
    let isReference = justDeclared != name
    justDeclared = nil
    // Every reference is charged, the cached ones too: libxml2 copies the value each time.
    if let cached = entities[name] {
      return (!isReference || charge(cached.cost)) ? cached.entity : nil
    }
    let declaredValue = declared[name]
    guard let value = declaredValue ?? Self.predefined(name) ?? HTMLEntities.value(of: name) else {
      warn("undefined entity &\(name); dropped")
      return nil
    }
    let cost = declaredValue == nil ? 0 : value.utf8.count
    guard !isReference || charge(cost) else { return nil }
    let entity = calloc(1, MemoryLayout<xmlEntity>.size)!.assumingMemoryBound(to: xmlEntity.self)
    entity.pointee.type = XML_ENTITY_DECL
    entity.pointee.name = UnsafePointer(xmlStrdup(name))
    entity.pointee.content = xmlStrdup(value)
    entity.pointee.length = Int32(value.utf8.count)
    // "Predefined" entities are inlined as characters without further parsing: exactly what
    // we want for values we have already expanded.
    entity.pointee.etype = XML_INTERNAL_PREDEFINED_ENTITY
    entities[name] = (entity, cost)
    return entity
  }

  private static func predefined(_ name: String) -> String? {
    switch name {
    case "amp": "&"
    case "lt": "<"
    case "gt": ">"
    case "quot": "\""
    case "apos": "'"
    default: nil
    }
  }

  fileprivate func warn(_ message: String) {
    errorCount += 1
    if raw.warnings.count < 50 { raw.warnings.append(message) }
  }

  fileprivate func recordError(line: Int, message: String) {
    if stopAtFirstError {
      damaged = true
      if let parserContext { xmlStopParser(parserContext) }
      return
    }
    warn("line \(line): \(message)")
  }
}

// MARK: - C callbacks (free functions: they run on whatever thread parses)

/// libxml2's attributes of one element: five pointers each (local name, prefix, URI, value
/// start, value end).
struct AttributePointers {
  var pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  var count: Int
}

private func reader(_ context: UnsafeMutableRawPointer?) -> XMLFeedReader? {
  guard let context else { return nil }
  return Unmanaged<XMLFeedReader>.fromOpaque(context).takeUnretainedValue()
}

private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
  pointer.map { String(cString: $0) }
}

private func saxStartElement(
  _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?,
  _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32,
  _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int32,
  _ defaulted: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
  guard let context, let localName else { return }
  Unmanaged<XMLFeedReader>.fromOpaque(context)._withUnsafeGuaranteedRef { reader in
    let name = reader.qualifiedName(local: localName, uri: uri)
    reader.startElement(
      name: name, uri: uri,
      attributes: AttributePointers(pointers: attributes, count: Int(attributeCount)))
  }
}

private func saxEndElement(
  _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?,
  _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?
) {
  guard let context else { return }
  Unmanaged<XMLFeedReader>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.endElement() }
}

private func saxCharacters(
  _ context: UnsafeMutableRawPointer?, _ characters: UnsafePointer<xmlChar>?, _ length: Int32
) {
  guard let characters, let context else { return }
  // The hottest callback: borrow the reader without retaining it.
  Unmanaged<XMLFeedReader>.fromOpaque(context)._withUnsafeGuaranteedRef {
    $0.appendBytes(characters, Int(length))
  }
}

private func saxGetEntity(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?)
  -> xmlEntityPtr?
{
  guard let reader = reader(context), let name else { return nil }
  return reader.entity(named: String(cString: name))
}

private func saxEntityDecl(
  _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ type: Int32,
  _ publicID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?,
  _ content: UnsafeMutablePointer<xmlChar>?
) {
  guard let reader = reader(context), let name else { return }
  reader.declareEntity(
    name: String(cString: name), type: type, content: content.map { String(cString: $0) })
}

private func saxStructuredError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
  guard let reader = reader(context), let error else { return }
  let message =
    error.pointee.message.map { String(cString: $0) }?
    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "XML error"
  reader.recordError(line: Int(error.pointee.line), message: message)
}
