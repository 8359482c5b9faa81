import CCurl
import Foundation

/// Runs libcurl transfers on one dedicated thread that drives a multi handle.
///
/// `curl_multi_poll` blocks, so it must never run on Swift's cooperative pool (two threads on a
/// two-core machine). Callers `await fetch(_:)`; the request is queued under a lock, the engine
/// thread is woken with `curl_multi_wakeup`, and the caller's continuation is resumed when the
/// transfer completes. Every easy handle lives and dies on the engine thread.
///
/// The engine enforces the global and per-host concurrency limits itself, queueing the rest, so
/// that a transfer's timeouts start when it really starts, not while it waits for a slot.
public final class CurlEngine: @unchecked Sendable {
  public let settings: FetchSettings
  /// A proxy may carry the transfers (`FetchSettings.mayUseProxy`), read once at start.
  let proxied: Bool

  // Shared with callers; guarded by `lock`.
  private let lock = NSLock()
  private var incoming: [CurlTransfer] = []
  private var cancellations: Set<UInt64> = []
  private var nextID: UInt64 = 0
  private var stopping = false

  // Engine thread only.
  private let multi: UnsafeMutableRawPointer
  private var waiting: [CurlTransfer] = []
  private var active: [UInt64: CurlTransfer] = [:]
  private var activePerHost: [String: Int] = [:]
  private let stopped = DispatchSemaphore(value: 0)

  public init(settings: FetchSettings = FetchSettings()) {
    precondition(CurlGlobal.initialized, "libcurl failed to initialise")
    self.settings = settings
    proxied = settings.mayUseProxy(environment: ProcessInfo.processInfo.environment)
    guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed") }
    self.multi = multi
    let thread = Thread { [self] in runLoop() }
    thread.name = "kazaz-curl"
    thread.start()
  }

  /// The libcurl version in use.
  public static var libcurlVersion: String { CurlGlobal.version }

  /// Fetches one URL. Throws `FetchError`.
  public func fetch(_ request: FetchRequest) async throws -> FetchResponse {
    let id = lock.withLock {
      nextID += 1
      return nextID
    }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let transfer = CurlTransfer(
          id: id, request: request, settings: settings, proxied: proxied)
        transfer.continuation = continuation
        let accepted = lock.withLock {
          guard !stopping else { return false }
          incoming.append(transfer)
          return true
        }
        if accepted {
          curl_multi_wakeup(multi)
        } else {
          continuation.resume(throwing: FetchError.cancelled)
        }
      }
    } onCancel: {
      lock.withLock { _ = cancellations.insert(id) }
      curl_multi_wakeup(multi)
    }
  }

  /// Stops the engine: transfers still queued or in flight fail with `.cancelled`.
  /// Waits until the engine thread has released libcurl.
  public func shutdown() {
    let alreadyStopping = lock.withLock {
      defer { stopping = true }
      return stopping
    }
    guard !alreadyStopping else { return }
    curl_multi_wakeup(multi)
    stopped.wait()
  }

  private func runLoop() {
    while true {
      let (arrivals, cancelled, stop) = lock.withLock {
        defer {
          incoming.removeAll()
          cancellations.removeAll()
        }
        return (incoming, cancellations, stopping)
      }
      waiting.append(contentsOf: arrivals)
      if stop {
        failAll()
        break
      }
      cancel(cancelled)
      startWaiting()
      var running: Int32 = 0
      curl_multi_perform(multi, &running)
      // Finished transfers free slots: start the queued ones at once rather than after the
      // next poll (which would wait for sockets that no longer exist).
      if collectFinished() > 0 { continue }
      // Waits for socket activity, libcurl's own next timeout, or a wakeup from a caller.
      curl_multi_poll(multi, nil, 0, 1000, nil)
    }
    curl_multi_cleanup(multi)
    stopped.signal()
  }

  /// Moves queued transfers into libcurl while the global and per-host limits allow.
  private func startWaiting() {
    var index = 0
    while index < waiting.count && active.count < settings.concurrency {
      let transfer = waiting[index]
      guard activePerHost[transfer.host, default: 0] < settings.perHost else {
        index += 1
        continue
      }
      waiting.remove(at: index)
      if let error = transfer.makeHandle() {
        complete(transfer, with: .failure(error))
        continue
      }
      curl_multi_add_handle(multi, transfer.handle)
      active[transfer.id] = transfer
      activePerHost[transfer.host, default: 0] += 1
    }
  }

  /// Completes every finished transfer; returns how many there were.
  private func collectFinished() -> Int {
    var finished = 0
    var remaining: Int32 = 0
    while let message = curl_multi_info_read(multi, &remaining) {
      guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else {
        continue
      }
      var context: UnsafeMutableRawPointer?
      kazaz_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &context)
      guard let context else { continue }
      let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
      let result = transfer.finish(result: kazaz_multi_message_result(message))
      detach(transfer)
      complete(transfer, with: result)
      finished += 1
    }
    return finished
  }

  private func cancel(_ ids: Set<UInt64>) {
    guard !ids.isEmpty else { return }
    for id in ids {
      if let transfer = active[id] {
        detach(transfer)
        complete(transfer, with: .failure(.cancelled))
      } else if let index = waiting.firstIndex(where: { $0.id == id }) {
        complete(waiting.remove(at: index), with: .failure(.cancelled))
      }
    }
  }

  private func failAll() {
    for transfer in active.values {
      detach(transfer)
      complete(transfer, with: .failure(.cancelled))
    }
    for transfer in waiting { complete(transfer, with: .failure(.cancelled)) }
    waiting.removeAll()
  }

  private func detach(_ transfer: CurlTransfer) {
    curl_multi_remove_handle(multi, transfer.handle)
    transfer.releaseHandle()
    active[transfer.id] = nil
    activePerHost[transfer.host, default: 1] -= 1
    if activePerHost[transfer.host] == 0 { activePerHost[transfer.host] = nil }
  }

  private func complete(_ transfer: CurlTransfer, with result: Result<FetchResponse, FetchError>) {
    guard let continuation = transfer.continuation else { return }
    transfer.continuation = nil
    switch result {
    case .success(let response): continuation.resume(returning: response)
    case .failure(let error): continuation.resume(throwing: error)
    }
  }
}
