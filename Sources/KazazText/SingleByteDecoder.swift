import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Decodes single-byte encodings (windows-1251, KOI8-R, ISO-8859-*, CP866, …) to UTF-8 with a
/// 256-entry table, before libxml2 sees the document.
///
/// Two reasons: libxml2 (through iconv) stops the whole document at the first byte the encoding
/// leaves undefined, such as 0x98 in windows-1251, which real feeds do contain — here it becomes
/// U+FFFD and the feed survives; and a table is several times faster than iconv.
///
/// Tables are built once per encoding from iconv, byte by byte: an encoding qualifies when every
/// ASCII byte maps to itself and every other byte decodes on its own.
package enum SingleByteDecoder {
  /// For each of the 128 upper byte values, four bytes: the length of its UTF-8 form (0:
  /// undefined) and that form.
  package struct Table: Sendable {
    var entries: [UInt8]
    /// Each entry as one little-endian word for the decoder: the UTF-8 bytes (U+FFFD's for an
    /// undefined byte), and in the top byte the length, with the high bit set when undefined.
    let words: [UInt32]

    init(entries: [UInt8]) {
      self.entries = entries
      words = (0..<128).map { index in
        let length = Int(entries[index * 4])
        let bytes: [UInt8] =
          length == 0 ? [0xEF, 0xBF, 0xBD] : Array(entries[index * 4 + 1..<index * 4 + 4])
        let flag: UInt32 = length == 0 ? 0x8000_0000 : 0
        return UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16
          | UInt32(length == 0 ? 3 : length) << 24 | flag
      }
    }
  }

  package static func table(for encoding: String) -> Table? {
    let key = encoding.lowercased()
    return cache.withLock { tables in
      if let cached = tables[key] { return cached }
      let built = build(key)
      tables[key] = built
      return built
    }
  }

  /// The document in UTF-8; undefined bytes become U+FFFD.
  package static func decode(_ data: Data, with table: Table) -> (Data, undefined: Int) {
    // Three bytes out per byte in at most, plus room for the last four-byte store.
    var output = Data(count: data.count * 3 + 4)
    let (written, undefined) = data.withUnsafeBytes { input in
      output.withUnsafeMutableBytes { decode(UnsafeRawBufferPointer(input), into: $0, with: table) }
    }
    output.count = written
    return (output, undefined)
  }

  /// Decodes `input` into `output`, which must hold `input.count * 3 + 4` bytes; returns the
  /// bytes written and how many input bytes were undefined (written as U+FFFD).
  ///
  /// After an ASCII byte, ASCII is copied eight bytes at a time; every other byte stores its
  /// table word's four bytes at once and advances by the word's length. Undefined bytes are
  /// rare: they are counted in a second pass only when there are any.
  package static func decode(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, with table: Table
  ) -> (written: Int, undefined: Int) {
    guard let source = input.baseAddress, let out = output.baseAddress else { return (0, 0) }
    precondition(output.count >= input.count * 3 + 4)
    let count = input.count
    return table.words.withUnsafeBufferPointer { words in
      var index = 0
      var position = 0
      var seen: UInt32 = 0
      while index < count {
        let byte = source.load(fromByteOffset: index, as: UInt8.self)
        index += 1
        if byte >= 0x80 {
          let entry = words[Int(byte &- 0x80)]
          out.storeBytes(of: entry.littleEndian, toByteOffset: position, as: UInt32.self)
          position += Int(entry >> 24 & 0x7F)
          seen |= entry
          continue
        }
        out.storeBytes(of: byte, toByteOffset: position, as: UInt8.self)
        position += 1
        while index + 8 <= count {
          let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          guard word & 0x8080_8080_8080_8080 == 0 else { break }
          out.storeBytes(of: word, toByteOffset: position, as: UInt64.self)
          index += 8
          position += 8
        }
      }
      var undefined = 0
      if seen & 0x8000_0000 != 0 {
        for byte in input where byte >= 0x80 { undefined += Int(words[Int(byte - 0x80)] >> 31) }
      }
      return (position, undefined)
    }
  }

  private static let cache = LockedTables()

  private static func build(_ encoding: String) -> Table? {
    #if canImport(Glibc)
      let converter = iconv_open("UTF-8", encoding)
      guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
      defer { iconv_close(converter) }
      func convert(_ byte: UInt8) -> [UInt8]? {
        var input = [CChar(bitPattern: byte)]
        var output = [CChar](repeating: 0, count: 8)
        let produced = input.withUnsafeMutableBufferPointer { inputBuffer in
          output.withUnsafeMutableBufferPointer { outputBuffer -> Int? in
            var inPointer: UnsafeMutablePointer<CChar>? = inputBuffer.baseAddress
            var inLeft = 1
            var outPointer: UnsafeMutablePointer<CChar>? = outputBuffer.baseAddress
            var outLeft = 8
            _ = iconv(converter, nil, nil, nil, nil)
            let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            guard result != -1, inLeft == 0 else { return nil }
            return 8 - outLeft
          }
        }
        guard let produced else { return nil }
        return output.prefix(produced).map { UInt8(bitPattern: $0) }
      }
      for byte in UInt8(0x20)..<0x80 where convert(byte) != [byte] { return nil }
      var entries = [UInt8](repeating: 0, count: 128 * 4)
      var defined = 0
      for byte in UInt8(0x80)...0xFF {
        guard let mapped = convert(byte), (1...3).contains(mapped.count) else { continue }
        let entry = Int(byte - 0x80) * 4
        entries[entry] = UInt8(mapped.count)
        for (offset, value) in mapped.enumerated() { entries[entry + 1 + offset] = value }
        defined += 1
      }
      // Multi-byte encodings leave most upper bytes undecodable on their own.
      return defined >= 64 ? Table(entries: entries) : nil
    #else
      return nil
    #endif
  }
}

/// The table cache, shared by parsers on any thread.
private final class LockedTables: @unchecked Sendable {
  private let lock = NSLock()
  private var tables: [String: SingleByteDecoder.Table?] = [:]

  func withLock<T>(_ body: (inout [String: SingleByteDecoder.Table?]) -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body(&tables)
  }
}
