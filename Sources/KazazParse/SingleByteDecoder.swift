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
enum SingleByteDecoder {
  /// For each of the 128 upper byte values, four bytes: the length of its UTF-8 form (0:
  /// undefined) and that form.
  struct Table: Sendable {
    var entries: [UInt8]
  }

  static func table(for encoding: String) -> Table? {
    let key = encoding.lowercased()
    return cache.withLock { tables in
      if let cached = tables[key] { return cached }
      let built = build(key)
      tables[key] = built
      return built
    }
  }

  /// The document in UTF-8; undefined bytes become U+FFFD.
  static func decode(_ data: Data, with table: Table) -> (Data, undefined: Int) {
    var undefined = 0
    let output = data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      return [UInt8](unsafeUninitializedCapacity: bytes.count * 3) { buffer, written in
        table.entries.withUnsafeBufferPointer { entries in
          var out = 0
          for byte in bytes {
            if byte < 0x80 {
              buffer[out] = byte
              out += 1
              continue
            }
            let entry = Int(byte - 0x80) * 4
            let length = Int(entries[entry])
            if length == 0 {
              undefined += 1
              buffer[out] = 0xEF
              buffer[out + 1] = 0xBF
              buffer[out + 2] = 0xBD
              out += 3
            } else {
              for offset in 0..<length { buffer[out + offset] = entries[entry + 1 + offset] }
              out += length
            }
          }
          written = out
        }
      }
    }
    return (Data(output), undefined)
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
