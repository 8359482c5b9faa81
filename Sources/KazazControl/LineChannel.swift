import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Newline-delimited messages over a connected socket, with blocking reads and writes (bounded
/// by the socket's timeouts). Not shared between threads: one side of one connection.
final class LineChannel {
  let descriptor: Int32
  private var buffer = Data()
  private var closed = false

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit { close() }

  func close() {
    guard !closed else { return }
    closed = true
    Glibc.close(descriptor)
  }

  /// Writes one message as a line.
  func send<T: Encodable>(_ value: T) throws {
    let bytes = [UInt8](try ControlCodec.encode(value))
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { chunk in
        Glibc.send(descriptor, chunk.baseAddress, chunk.count, Int32(MSG_NOSIGNAL))
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw ControlError.system(call: "send", errno: errno)
      }
      offset += written
    }
  }

  /// Reads the next line and decodes it; nil at end of stream.
  func receive<T: Decodable>(_ type: T.Type) throws -> T? {
    guard let line = try readLine() else { return nil }
    do {
      return try ControlCodec.decode(type, from: line)
    } catch {
      throw ControlError.malformed(String(decoding: line.prefix(200), as: UTF8.self))
    }
  }

  private func readLine() throws(ControlError) -> Data? {
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        let line = buffer[buffer.startIndex..<newline]
        buffer.removeSubrange(buffer.startIndex...newline)
        return Data(line)
      }
      guard buffer.count <= ControlCodec.maximumLineBytes else {
        throw .malformed("line longer than \(ControlCodec.maximumLineBytes) bytes")
      }
      let count = recv(descriptor, &chunk, chunk.count, 0)
      if count == 0 { return nil }
      if count < 0 {
        if errno == EINTR { continue }
        throw .system(call: "recv", errno: errno)
      }
      buffer.append(contentsOf: chunk[0..<count])
    }
  }
}
