/// A little-endian byte writer and a checked reader, for the compiled-profile cache file.
///
/// The reader treats its bytes as hostile: every read checks that the bytes are there, every
/// count is checked against what is left before anything is allocated, and text must be valid
/// UTF-8. A file cut short, padded, or written by anything else fails with `BinaryReader.Failure`,
/// never a trap.
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []

  mutating func write(_ value: UInt8) { bytes.append(value) }

  mutating func write(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func write(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// A count or index; every one the cache holds is far below 2^32.
  mutating func write(count value: Int) { write(UInt32(clamping: value)) }

  mutating func write(_ value: Double) { write(value.bitPattern) }

  mutating func write(_ text: String) {
    write(count: text.utf8.count)
    bytes.append(contentsOf: text.utf8)
  }

  mutating func write(raw: some Collection<UInt8>) { bytes.append(contentsOf: raw) }

  /// An array of fixed-width integers: its count, then its elements.
  mutating func write<T: FixedWidthInteger>(array: [T]) {
    write(count: array.count)
    for value in array {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
  }

  mutating func write(strings: [String]) {
    write(count: strings.count)
    for text in strings { write(text) }
  }
}

struct BinaryReader {
  /// Why bytes could not be read; the message says where.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private let bytes: [UInt8]
  private(set) var offset: Int

  init(_ bytes: [UInt8], offset: Int = 0) {
    self.bytes = bytes
    self.offset = min(max(offset, 0), bytes.count)
  }

  var remaining: Int { bytes.count - offset }

  private mutating func take(_ count: Int, _ what: String) throws(Failure) -> Range<Int> {
    guard count >= 0, count <= remaining else {
      throw Failure(description: "\(what): the file ends \(remaining) bytes in")
    }
    defer { offset += count }
    return offset..<(offset + count)
  }

  mutating func readByte(_ what: String) throws(Failure) -> UInt8 {
    bytes[try take(1, what).lowerBound]
  }

  mutating func readUInt32(_ what: String) throws(Failure) -> UInt32 {
    let range = try take(4, what)
    return bytes.withUnsafeBytes {
      UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt32.self))
    }
  }

  mutating func readUInt64(_ what: String) throws(Failure) -> UInt64 {
    let range = try take(8, what)
    return bytes.withUnsafeBytes {
      UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self))
    }
  }

  mutating func readDouble(_ what: String) throws(Failure) -> Double {
    Double(bitPattern: try readUInt64(what))
  }

  /// A count of items that take at least `width` bytes each: never more than the bytes left.
  mutating func readCount(_ what: String, width: Int = 1) throws(Failure) -> Int {
    let count = Int(try readUInt32(what))
    guard count <= remaining / max(width, 1) else {
      throw Failure(description: "\(what): \(count) items cannot fit in \(remaining) bytes")
    }
    return count
  }

  /// An index below `limit`.
  mutating func readIndex(_ what: String, below limit: Int) throws(Failure) -> Int {
    let value = Int(try readUInt32(what))
    guard value < limit else {
      throw Failure(description: "\(what): \(value) is out of range (below \(limit))")
    }
    return value
  }

  mutating func readRaw(_ count: Int, _ what: String) throws(Failure) -> ArraySlice<UInt8> {
    bytes[try take(count, what)]
  }

  mutating func readString(_ what: String) throws(Failure) -> String {
    let range = try take(try readCount(what), what)
    guard
      let text = bytes.withUnsafeBytes({
        String(validating: UnsafeRawBufferPointer(rebasing: $0[range]), as: UTF8.self)
      })
    else { throw Failure(description: "\(what): not UTF-8") }
    return text
  }

  mutating func readStrings(_ what: String) throws(Failure) -> [String] {
    let count = try readCount(what, width: 4)
    var strings: [String] = []
    strings.reserveCapacity(count)
    for _ in 0..<count { strings.append(try readString(what)) }
    return strings
  }

  /// An array of fixed-width integers, copied in one go.
  mutating func readArray<T: FixedWidthInteger>(
    _ type: T.Type, _ what: String
  ) throws(Failure) -> [T] {
    let width = MemoryLayout<T>.size
    let count = try readCount(what, width: width)
    let range = try take(count * width, what)
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes.withUnsafeBytes { source in
        for index in 0..<count {
          buffer[index] = T(
            littleEndian: source.loadUnaligned(
              fromByteOffset: range.lowerBound + index * width, as: T.self))
        }
      }
      initialized = count
    }
  }
}
