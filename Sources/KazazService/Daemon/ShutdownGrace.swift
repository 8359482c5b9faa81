import ServiceLifecycle

/// Bounds how long work may continue once a graceful shutdown begins.
///
/// `body` runs normally; when the shutdown starts, it gets `grace` to finish on its own (a
/// refresh cycle stops starting polls and lets those in flight commit). If it is still running
/// after that, it is cancelled: transfers are aborted, and store transactions already under way
/// still commit, since a write transaction is never interrupted.
enum ShutdownGrace {
  static let standard: Duration = .seconds(10)

  static func run<T: Sendable>(
    grace: Duration = standard, _ body: @escaping @Sendable () async -> T
  ) async -> T {
    await withTaskGroup(of: T?.self) { group in
      group.addTask { await body() }
      group.addTask {
        do {
          try await gracefulShutdown()
          try await Task.sleep(for: grace)
        } catch {}
        return nil
      }
      var result: T?
      for await value in group {
        if let value { result = value }
        // Either the work finished (stop the timer) or the grace ran out (stop the work).
        group.cancelAll()
      }
      return result!
    }
  }
}
