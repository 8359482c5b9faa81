import Dispatch

/// Store calls block on SQLite, and writes also wait for the single writer. They run on
/// dispatch queues of their own so that the few threads of Swift's cooperative pool (one per
/// core) keep parsing and classifying other feeds meanwhile, instead of waiting on a lock.
enum StoreWork {
  /// Poll commits, one at a time and in order (the store has one writer anyway).
  static let writes = DispatchQueue(label: "kazaz-monitor.store.writes", qos: .utility)
  /// Short reads, which WAL lets run beside the writer.
  private static let reads = DispatchQueue(
    label: "kazaz-monitor.store.reads", qos: .utility, attributes: .concurrent)

  static func write<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await run(on: writes, work)
  }

  static func read<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await run(on: reads, work)
  }

  private static func run<T: Sendable>(
    on queue: DispatchQueue, _ work: @escaping @Sendable () throws -> T
  ) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      queue.async { continuation.resume(with: Result { try work() }) }
    }
  }
}
