/// Turns an HTML fragment (a feed's title, description or content) into clean plain text, as a
/// browser would render it: tags removed, character references decoded, `script`/`style` (and
/// other non-text elements) dropped with their content, block elements separated by one line
/// break, every other run of white space (including no-break spaces) collapsed to one space, the
/// result trimmed.
///
/// A single pass over the UTF-8 bytes; no parser tree, no allocation but the result. Like a
/// browser it never fails: a `<` that starts no tag is text, an unterminated tag or comment ends
/// the text, an unknown `&name;` stays as written.
///
/// Text without any markup keeps its line breaks: plain-text descriptions use them for paragraphs.
public enum HTMLText {
  /// The plain text of `html`.
  public static func plainText(_ html: String) -> String {
    var html = html
    var unchanged = false
    let text = html.withUTF8 { bytes -> String in
      if isAlreadyPlain(bytes) {
        unchanged = true
        return ""
      }
      return plainText(utf8: bytes)
    }
    return unchanged ? html : text
  }

  /// True when rendering would not change the text: no markup, no references, no white space
  /// but single interior spaces.
  static func isAlreadyPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else {
      return bytes.isEmpty
    }
    var previousSpace = false
    for byte in bytes {
      if byte == 0x20 {
        if previousSpace { return false }
        previousSpace = true
        continue
      }
      previousSpace = false
      if TextWriter.isSpecial(byte) { return false }
    }
    return true
  }

  /// The plain text of the UTF-8 bytes of an HTML fragment.
  public static func plainText(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard !bytes.isEmpty else { return "" }
    if isAlreadyPlain(bytes) { return String(decoding: bytes, as: UTF8.self) }
    var hasMarkup = false
    for byte in bytes where byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") {
      hasMarkup = true
      break
    }
    // Output is never longer than input: tags and references shrink, and each separator
    // replaces at least one byte of input. The writer still checks its bounds.
    return String(unsafeUninitializedCapacity: bytes.count + 4) { output in
      var writer = TextWriter(output: output, keepLineBreaks: !hasMarkup)
      writer.render(bytes)
      return writer.count
    }
  }

  /// Collapses white space the same way, for text that is known to be plain.
  static func collapse(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes in
      String(unsafeUninitializedCapacity: bytes.count + 4) { output in
        var writer = TextWriter(output: output, keepLineBreaks: true)
        writer.renderPlain(bytes)
        return writer.count
      }
    }
  }

  /// Elements that end a line: their start and end become a line break.
  static let blockElements = [
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "blockquote", "section", "article", "header", "footer", "pre", "dd", "dt", "figcaption", "hr",
    "dl", "figure", "aside", "nav", "main", "address", "caption", "td", "th",
  ]
  /// Elements whose content is not text for a reader: dropped entirely.
  static let droppedElements = [
    "script", "style", "noscript", "template", "iframe", "object", "svg", "math", "head", "title",
    "select", "textarea", "button",
  ]

  /// Both, by tag key.
  static let tags = TagTable(block: blockElements, dropped: droppedElements)

  /// A tag name packed into an integer without case (6 bits a character, at most 10), so that
  /// looking a tag up allocates nothing. Longer names get a key no set contains.
  static func tagKey(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
    guard name.count <= 10 else { return .max }
    var key: UInt64 = 0
    for byte in name {
      let lower = byte | 0x20
      let code: UInt64
      if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") {
        code = UInt64(lower - UInt8(ascii: "a") + 1)
      } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        code = UInt64(byte - UInt8(ascii: "0") + 27)
      } else {
        code = 37
      }
      key = key << 6 | code
    }
    return key
  }

  static func tagKey(_ name: String) -> UInt64 {
    Array(name.utf8).withUnsafeBufferPointer { tagKey($0) }
  }
}

/// What the renderer does with a tag, looked up by its key in a small open-addressing table
/// (no hashing of the key through `Hasher` for every tag of every description).
struct TagTable: Sendable {
  enum Kind: UInt8 {
    case inline, block, dropped
  }

  private var keys: [UInt64]
  private var kinds: [Kind]
  private static let shift: UInt64 = 64 - 8

  init(block: [String], dropped: [String]) {
    keys = [UInt64](repeating: 0, count: 1 << 8)
    kinds = [Kind](repeating: .inline, count: 1 << 8)
    for (names, kind) in [(block, Kind.block), (dropped, .dropped)] {
      for name in names {
        let key = HTMLText.tagKey(name)
        var slot = Self.slot(key)
        while keys[slot] != 0 { slot = (slot + 1) & 0xFF }
        keys[slot] = key
        kinds[slot] = kind
      }
    }
  }

  @inline(__always)
  private static func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// The kind of the tag with this key (0 is no tag's key: names start with a letter).
  func kind(of key: UInt64) -> Kind {
    var slot = Self.slot(key)
    while true {
      let stored = keys[slot]
      if stored == key { return kinds[slot] }
      if stored == 0 { return .inline }
      slot = (slot + 1) & 0xFF
    }
  }
}

/// Writes collapsed text into a fixed buffer.
private struct TextWriter {
  let output: UnsafeMutableBufferPointer<UInt8>
  let keepLineBreaks: Bool
  var count = 0
  private var pendingSpace = false
  private var pendingBreak = false

  init(output: UnsafeMutableBufferPointer<UInt8>, keepLineBreaks: Bool) {
    self.output = output
    self.keepLineBreaks = keepLineBreaks
  }

  // MARK: Output

  @inline(__always)
  private mutating func put(_ byte: UInt8) {
    guard count < output.count else { return }
    output[count] = byte
    count += 1
  }

  /// Emits any pending separator before the next visible character.
  @inline(__always)
  private mutating func flushSeparator() {
    if pendingBreak || pendingSpace {
      if count > 0 { put(pendingBreak ? 0x0A : 0x20) }
      pendingBreak = false
      pendingSpace = false
    }
  }

  @inline(__always)
  private mutating func emit(_ byte: UInt8) {
    flushSeparator()
    put(byte)
  }

  private mutating func emit(scalar: UInt32) {
    if Self.isSpace(scalar) {
      pendingSpace = true
      return
    }
    if scalar == 0x0A || scalar == 0x0D || scalar == 0x2028 || scalar == 0x2029 {
      if keepLineBreaks { pendingBreak = true } else { pendingSpace = true }
      return
    }
    flushSeparator()
    let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
    for byte in value.utf8 { put(byte) }
  }

  private mutating func lineBreak() { pendingBreak = true }

  // MARK: Plain text

  /// Copies text, collapsing white space; no markup is interpreted.
  mutating func renderPlain(_ bytes: UnsafeBufferPointer<UInt8>) {
    var index = 0
    while index < bytes.count {
      index = copyRun(bytes, from: index)
      if index < bytes.count { index = text(bytes, at: index) }
    }
  }

  /// Bytes that need a look: white space and its multi-byte lead bytes, `<` and `&`.
  @inline(__always)
  static func isSpecial(_ byte: UInt8) -> Bool {
    byte <= 0x20 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&")
      || (byte >= 0xC2 && (byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3))
  }

  /// `isSpecial` of the bytes 0x00–0x3F and 0xC0–0xFF, as bits (no byte between is special):
  /// a test without branches in the copy loop.
  static let specialBits: (low: UInt64, high: UInt64) = {
    var low: UInt64 = 0
    var high: UInt64 = 0
    for byte in 0..<64 where isSpecial(UInt8(byte)) { low |= 1 << UInt64(byte) }
    for byte in 0..<64 where isSpecial(UInt8(0xC0 + byte)) { high |= 1 << UInt64(byte) }
    return (low, high)
  }()

  /// Copies the run of ordinary bytes (and single spaces between them) starting at `index` in one
  /// go; returns where it ends.
  @inline(__always)
  private mutating func copyRun(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
    var end = index
    let total = bytes.count
    let bits = Self.specialBits
    @inline(__always) func special(_ byte: UInt8) -> Bool {
      let word = (byte < 0x40 ? bits.low : 0) | (byte >= 0xC0 ? bits.high : 0)
      return word &>> UInt64(byte & 63) & 1 != 0
    }
    while end < total {
      let byte = bytes[end]
      if !special(byte) {
        end += 1
      } else if byte == 0x20, end > index, end + 1 < total, !special(bytes[end + 1]) {
        // A single space between ordinary bytes stays as it is: no need to leave the run.
        end += 2
      } else {
        break
      }
    }
    guard end > index else { return index }
    flushSeparator()
    let length = min(end - index, output.count - count)
    if length > 0 {
      (output.baseAddress! + count).update(from: bytes.baseAddress! + index, count: length)
      count += length
    }
    return end
  }

  /// Handles the text byte (or multi-byte white space) at `index`; returns the next index.
  @inline(__always)
  private mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    switch byte {
    case 0x20, 0x09, 0x0C, 0x0B:
      pendingSpace = true
      return index + 1
    case 0x0A, 0x0D:
      if keepLineBreaks { pendingBreak = true } else { pendingSpace = true }
      return index + 1
    case 0xC2, 0xE1, 0xE2, 0xE3:
      // Multi-byte white space: U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028/9, U+202F,
      // U+205F, U+3000.
      let (scalar, length) = Self.decodeScalar(bytes, at: index)
      if Self.isSpace(scalar) || scalar == 0x2028 || scalar == 0x2029 || scalar == 0x85 {
        emit(scalar: scalar == 0x85 ? 0x20 : scalar)
        return index + length
      }
      flushSeparator()
      for offset in 0..<length { put(bytes[index + offset]) }
      return index + length
    default:
      emit(byte)
      return index + 1
    }
  }

  // MARK: HTML

  mutating func render(_ bytes: UnsafeBufferPointer<UInt8>) {
    var index = 0
    let end = bytes.count
    while index < end {
      index = copyRun(bytes, from: index)
      guard index < end else { break }
      let byte = bytes[index]
      if byte == UInt8(ascii: "<") {
        index = markup(bytes, at: index)
      } else if byte == UInt8(ascii: "&") {
        index = reference(bytes, at: index)
      } else {
        index = text(bytes, at: index)
      }
    }
  }

  /// Handles `<…` at `index`: a tag, comment, CDATA section or a literal `<`.
  private mutating func markup(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let end = bytes.count
    guard index + 1 < end else {
      emit(UInt8(ascii: "<"))
      return end
    }
    let next = bytes[index + 1]
    if next == UInt8(ascii: "!") {
      if Self.matches(bytes, at: index, "<!--") {
        return Self.find(bytes, from: index + 4, "-->").map { $0 + 3 } ?? end
      }
      if Self.matches(bytes, at: index, "<![CDATA[") {
        let close = Self.find(bytes, from: index + 9, "]]>") ?? end
        var cursor = index + 9
        while cursor < close { cursor = text(bytes, at: cursor) }
        return min(close + 3, end)
      }
      return Self.find(bytes, from: index + 2, ">").map { $0 + 1 } ?? end
    }
    if next == UInt8(ascii: "?") {
      return Self.find(bytes, from: index + 2, ">").map { $0 + 1 } ?? end
    }
    let closing = next == UInt8(ascii: "/")
    let nameStart = closing ? index + 2 : index + 1
    guard nameStart < end, Self.isLetter(bytes[nameStart]) else {
      if closing {
        // `</>` or `</ x>`: a bogus comment to browsers.
        return Self.find(bytes, from: nameStart, ">").map { $0 + 1 } ?? end
      }
      emit(UInt8(ascii: "<"))
      return index + 1
    }
    var nameEnd = nameStart
    while nameEnd < end, Self.isNameByte(bytes[nameEnd]) { nameEnd += 1 }
    guard let tagEnd = Self.tagEnd(bytes, from: nameEnd) else { return end }
    let selfClosing = tagEnd > nameEnd && bytes[tagEnd - 1] == UInt8(ascii: "/")
    let key = HTMLText.tagKey(UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]))
    let kind = HTMLText.tags.kind(of: key)
    if kind == .block {
      lineBreak()
    } else if !closing, !selfClosing, kind == .dropped {
      return Self.skipElement(bytes, named: nameStart..<nameEnd, from: tagEnd + 1)
    }
    return tagEnd + 1
  }

  /// Handles `&…` at `index`: a character reference, or a literal `&`.
  private mutating func reference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let end = bytes.count
    var cursor = index + 1
    if cursor < end, bytes[cursor] == UInt8(ascii: "#") {
      cursor += 1
      let hex = cursor < end && (bytes[cursor] | 0x20) == UInt8(ascii: "x")
      if hex { cursor += 1 }
      let digitsStart = cursor
      var value: UInt32 = 0
      while cursor < end, let digit = Self.digit(bytes[cursor], hex: hex) {
        if value < 0x110000 { value = value * (hex ? 16 : 10) + digit }
        cursor += 1
      }
      guard cursor > digitsStart else {
        emit(UInt8(ascii: "&"))
        return index + 1
      }
      if cursor < end, bytes[cursor] == UInt8(ascii: ";") { cursor += 1 }
      emit(scalar: Self.numericReference(value))
      return cursor
    }
    let nameStart = cursor
    while cursor < end, cursor - nameStart < 32, Self.isAlphanumeric(bytes[cursor]) {
      cursor += 1
    }
    if cursor > nameStart, cursor < end, bytes[cursor] == UInt8(ascii: ";"),
      let scalar = HTMLEntities.scalar(
        of: UnsafeBufferPointer(rebasing: bytes[nameStart..<cursor]))
    {
      emit(scalar: scalar)
      return cursor + 1
    }
    emit(UInt8(ascii: "&"))
    return index + 1
  }

  // MARK: Scanning helpers

  /// The end (`>`) of a tag whose attributes start at `index`, skipping quoted values.
  private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
    var cursor = index
    var quote: UInt8 = 0
    while cursor < bytes.count {
      let byte = bytes[cursor]
      if quote != 0 {
        if byte == quote { quote = 0 }
      } else if byte == UInt8(ascii: ">") {
        return cursor
      } else if (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
        && cursor > index && bytes[cursor - 1] == UInt8(ascii: "=")
      {
        quote = byte
      }
      cursor += 1
    }
    return nil
  }

  /// Skips to just after `</name…>` (the name compared without case), or to the end.
  private static func skipElement(
    _ bytes: UnsafeBufferPointer<UInt8>, named name: Range<Int>, from index: Int
  ) -> Int {
    var cursor = index
    while let open = find(bytes, from: cursor, "</") {
      var matched = true
      for offset in 0..<name.count {
        let position = open + 2 + offset
        if position >= bytes.count
          || (bytes[position] | 0x20) != (bytes[name.lowerBound + offset] | 0x20)
        {
          matched = false
          break
        }
      }
      let after = open + 2 + name.count
      if matched, after >= bytes.count || !isNameByte(bytes[after]) {
        return find(bytes, from: after, ">").map { $0 + 1 } ?? bytes.count
      }
      cursor = open + 2
    }
    return bytes.count
  }

  static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: StaticString)
    -> Bool
  {
    let count = pattern.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    let start = pattern.utf8Start
    for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
    return true
  }

  static func find(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, _ pattern: StaticString)
    -> Int?
  {
    let first = pattern.utf8Start.pointee
    var cursor = index
    while cursor < bytes.count {
      if bytes[cursor] == first, matches(bytes, at: cursor, pattern) { return cursor }
      cursor += 1
    }
    return nil
  }

  @inline(__always)
  static func isLetter(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
  }

  @inline(__always)
  static func isAlphanumeric(_ byte: UInt8) -> Bool {
    isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  @inline(__always)
  static func isNameByte(_ byte: UInt8) -> Bool {
    isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
  }

  static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
    if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return UInt32(byte) - 48 }
    guard hex else { return nil }
    let lower = byte | 0x20
    if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") { return UInt32(lower) - 87 }
    return nil
  }

  /// What a browser shows for `&#value;`: C1 controls are read as windows-1252 (the usual
  /// cause), and values that are not characters become U+FFFD.
  static func numericReference(_ value: UInt32) -> UInt32 {
    if value >= 0x80 && value <= 0x9F {
      let mapped = windows1252C1[Int(value - 0x80)]
      return mapped == 0 ? 0xFFFD : UInt32(mapped)
    }
    if value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return 0xFFFD }
    return value
  }

  static let windows1252C1: [UInt16] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ]

  /// Horizontal white space, as `Character.isWhitespace` sees it, without line breaks.
  static func isSpace(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x09, 0x0B, 0x0C, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// Decodes the (valid) UTF-8 scalar at `index`.
  static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
    let lead = bytes[index]
    let length = lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4)
    guard index + length <= bytes.count else { return (UInt32(lead), 1) }
    var value = UInt32(lead) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
    for offset in 1..<length { value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F) }
    return (value, length)
  }
}
