/// A growable byte buffer with reference semantics, for the parser's hot paths: appending a
/// pointer and a length is one capacity check and one `memcpy` (an `Array` append of a buffer
/// pointer costs several times that), and clearing keeps the storage.
///
/// One owner writes it; readers only borrow its bytes while the owner waits.
final class ByteBuffer {
  private(set) var count = 0
  private var capacity: Int
  private var storage: UnsafeMutablePointer<UInt8>

  init(capacity: Int = 256) {
    self.capacity = max(capacity, 16)
    storage = .allocate(capacity: self.capacity)
  }

  deinit { storage.deallocate() }

  @inline(__always)
  func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
    guard length > 0 else { return }
    if count + length > capacity { grow(to: count + length) }
    (storage + count).update(from: bytes, count: length)
    count += length
  }

  @inline(__always)
  func append(_ byte: UInt8) {
    if count == capacity { grow(to: count + 1) }
    storage[count] = byte
    count += 1
  }

  func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress else { return }
    append(base, count: bytes.count)
  }

  /// Appends `value` repeated `times` times.
  func append(repeating value: UInt8, count times: Int) {
    guard times > 0 else { return }
    if count + times > capacity { grow(to: count + times) }
    (storage + count).initialize(repeating: value, count: times)
    count += times
  }

  /// Forgets the content, keeping the storage.
  func removeAll() { count = 0 }

  func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    body(UnsafeBufferPointer(start: storage, count: count))
  }

  private func grow(to minimum: Int) {
    var newCapacity = capacity * 2
    while newCapacity < minimum { newCapacity *= 2 }
    let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newStorage.update(from: storage, count: count)
    storage.deallocate()
    storage = newStorage
    capacity = newCapacity
  }
}
