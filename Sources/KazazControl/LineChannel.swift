import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Newline-delimited messages over a connected socket, with blocking reads and writes (bounded
/// by the socket's timeouts). Not shared between threads: one side of one connection.
final class LineChannel {
  let descriptor: Int32
  /// Longest line this side accepts.
  let maximumLineBytes: Int
  private var buffer = Data()
  private var closed = false

  init(descriptor: Int32, maximumLineBytes: Int = ControlCodec.maximumLineBytes) {
    self.descriptor = descriptor
    self.maximumLineBytes = maximumLineBytes
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

  /// Reads the next line and decodes it; nil at end of stream. With a `deadline`, the whole line
  /// must arrive by then: a peer that trickles a byte now and then cannot hold the connection.
  func receive<T: Decodable>(
    _ type: T.Type, deadline: ContinuousClock.Instant? = nil
  ) throws -> T? {
    guard let line = try readLine(deadline: deadline) else { return nil }
    do {
      return try ControlCodec.decode(type, from: line)
    } catch {
      throw ControlError.malformed(String(decoding: line.prefix(200), as: UTF8.self))
    }
  }

  private func readLine(deadline: ContinuousClock.Instant?) throws(ControlError) -> Data? {
    var chunk = [UInt8](repeating: 0, count: min(64 * 1024, maximumLineBytes + 1))
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        let line = buffer[buffer.startIndex..<newline]
        buffer.removeSubrange(buffer.startIndex...newline)
        return Data(line)
      }
      guard buffer.count <= maximumLineBytes else {
        throw .malformed("line longer than \(maximumLineBytes) bytes")
      }
      if let deadline { try waitReadable(until: deadline) }
      let count = recv(descriptor, &chunk, chunk.count, 0)
      if count == 0 { return nil }
      if count < 0 {
        if errno == EINTR { continue }
        throw .system(call: "recv", errno: errno)
      }
      buffer.append(contentsOf: chunk[0..<count])
    }
  }

  /// Blocks until the socket has something to read, or throws once `deadline` has passed.
  private func waitReadable(until deadline: ContinuousClock.Instant) throws(ControlError) {
    while true {
      let left = deadline - ContinuousClock.now
      guard left > .zero else { throw .timedOut("no complete request line in time") }
      let (seconds, attoseconds) = left.components
      // Rounded up, so the wait never ends just before the deadline; a day is plenty per wait.
      let milliseconds =
        seconds >= 86_400
        ? Int32(86_400_000) : Int32(seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
      var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let ready = poll(&entry, 1, milliseconds)
      if ready > 0 { return }
      if ready < 0 && errno != EINTR { throw .system(call: "poll", errno: errno) }
    }
  }
}
