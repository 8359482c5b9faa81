import Foundation

/// Runs blocking work (child processes, sleeps) on a thread of its own, so it never holds one of
/// the few threads of Swift's cooperative pool that other tests need.
public enum OffPool {
  public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T
  {
    try await withCheckedThrowingContinuation { continuation in
      Thread { continuation.resume(with: Result { try work() }) }.start()
    }
  }
}
