#if canImport(Glibc)
  import Glibc
#endif

/// Text from feeds made safe to print on a terminal.
///
/// A feed's title, link, author or error text printed as it came could drive the operator's
/// terminal: colour and cursor sequences (ESC `[`), window titles and hyperlinks whose text lies
/// about their target (OSC 0/2/8), a carriage return that overwrites the start of a line, and the
/// same through the 8-bit C1 controls (U+009B is CSI to many UTF-8 terminals). Bidirectional
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what follows on
/// the line, so text can read differently from what it is.
///
/// Each such character is shown, not removed, as an escape with its code point: `\u{1B}`. That
/// is plain ASCII, so it survives any terminal, locale or font; it names the exact character, so
/// an operator can see that a feed carries control sequences instead of wondering why a title
/// looks odd; and it keeps the rest of the text as it was. Tab stays (it only moves to the next
/// column), and so does line feed where the output may have several lines.
public enum TerminalText {
  /// `text` with every character that could act on a terminal shown as `\u{…}`; line feeds are
  /// kept when `keepingLineBreaks` (a whole message), escaped otherwise (one field on a line).
  public static func safe(_ text: String, keepingLineBreaks: Bool = false) -> String {
    guard text.utf8.contains(where: mayNeedEscape) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      if scalar == "\n" && keepingLineBreaks || !isUnsafe(scalar) {
        out.unicodeScalars.append(scalar)
      } else {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    return out
  }

  /// JSON text with the characters `safe` escapes that JSON encoders let through raw — DEL,
  /// C1 and bidirectional controls; C0 controls they escape already — written as JSON escapes
  /// (`\u009b`). In JSON text those can only be inside strings, where an escape means the same.
  public static func safeJSON(_ json: String) -> String {
    var text = json
    return text.withUTF8 { bytes in
      var out: [UInt8] = []
      var stream = JSONStream()
      stream.write(bytes) { out += $0 }
      stream.finish { out += $0 }
      // Escapes only ever lengthen the text: the same length means nothing was escaped.
      return out.count == bytes.count ? json : String(decoding: out, as: UTF8.self)
    }
  }

  /// Whether a terminal could act on `scalar`: C0 controls but tab, DEL, C1 controls, and the
  /// bidirectional embeddings, overrides and isolates.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09: false
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// A UTF-8 byte that is, or may start, an unsafe character (C1 controls are encoded C2 80–9F,
  /// the bidirectional controls E2 80 AA–AE and E2 81 A6–A9); false for most text, which is then
  /// returned as it is.
  @inline(__always)
  static func mayNeedEscape(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != 0x09) || byte == 0x7F || byte == 0xC2 || byte == 0xE2
  }
}

extension TerminalText {
  /// `safeJSON` for JSON written in pieces (a large feed's JSON is never held whole): bytes in,
  /// bytes out, runs of safe bytes passed on as they are, a character split between two pieces
  /// held back until the next one.
  public struct JSONStream {
    /// The start of a possibly unsafe character at the end of the last piece.
    private var held: [UInt8] = []

    public init() {}

    /// Filters `piece` and passes the result to `emit` (possibly in several calls).
    public mutating func write(
      _ piece: UnsafeBufferPointer<UInt8>, to emit: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
      var index = 0
      if let lead = held.first {
        let missing = Self.length(of: lead) - held.count
        guard piece.count >= missing else {
          held += piece
          return
        }
        let sequence = held + piece[0..<missing]
        held = []
        sequence.withUnsafeBufferPointer { Self.pass($0[...], to: emit) }
        index = missing
      }
      var run = index
      // The next DEL, C2 and E2 at or after `index`, each found by memchr (vectorised), so text
      // between them is not looked at byte by byte.
      var next = [0x7F, 0xC2, 0xE2].map { Self.find($0, in: piece, from: index) }
      while let candidate = next.min(), candidate < piece.count {
        let length = Self.length(of: piece[candidate])
        guard candidate + length <= piece.count else {
          Self.emit(piece, run..<candidate, to: emit)
          held = Array(piece[candidate...])
          return
        }
        if let escaped = Self.escape(piece[candidate..<(candidate + length)]) {
          Self.emit(piece, run..<candidate, to: emit)
          escaped.withUnsafeBufferPointer(emit)
          run = candidate + length
        }
        index = candidate + length
        for (slot, byte) in [UInt8(0x7F), 0xC2, 0xE2].enumerated() where next[slot] < index {
          next[slot] = Self.find(byte, in: piece, from: index)
        }
      }
      Self.emit(piece, run..<piece.count, to: emit)
    }

    /// Passes on what is held back (the end of the output).
    public mutating func finish(to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
      guard !held.isEmpty else { return }
      held.withUnsafeBufferPointer(emit)
      held = []
    }

    /// The index of the first `byte` in `piece` from `start` on, or `piece.count`.
    private static func find(
      _ byte: UInt8, in piece: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int {
      guard start < piece.count, let base = piece.baseAddress,
        let found = memchr(base + start, Int32(byte), piece.count - start)
      else { return piece.count }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Bytes of the character a possibly unsafe lead byte starts (DEL, C2 xx, E2 xx xx).
    private static func length(of lead: UInt8) -> Int {
      lead == 0xC2 ? 2 : lead == 0xE2 ? 3 : 1
    }

    private static func emit(
      _ piece: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
      to emit: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
      guard !range.isEmpty, let base = piece.baseAddress else { return }
      emit(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// Passes one character on: as `\uXXXX` when unsafe, else as it is.
    private static func pass(
      _ character: Slice<UnsafeBufferPointer<UInt8>>, to emit: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
      if let escaped = escape(character) {
        escaped.withUnsafeBufferPointer(emit)
      } else {
        emit(UnsafeBufferPointer(rebasing: character))
      }
    }

    /// The JSON escape of one UTF-8 character when it is unsafe.
    private static func escape(_ character: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8]? {
      var value: UInt32 = 0
      for (offset, byte) in character.enumerated() {
        value =
          offset == 0
          ? UInt32(byte) & (character.count == 1 ? 0x7F : character.count == 2 ? 0x1F : 0x0F)
          : value << 6 | UInt32(byte & 0x3F)
      }
      guard let scalar = Unicode.Scalar(value), isUnsafe(scalar) else { return nil }
      return JSONString.unicodeEscape(UInt16(truncatingIfNeeded: value))
    }
  }
}
