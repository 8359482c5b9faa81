import Dispatch
import Foundation
import KazazClassify
import KazazControl
import KazazModel
import KazazStore
import Logging
import ServiceLifecycle
import Synchronization

/// The daemon's progress in classifying stored items again, shared between the background pass
/// (which writes it) and `status` (which reads it); a reload that changes the profile's version
/// wakes the pass again.
public final class ReclassificationTracker: Sendable {
  private let state = Mutex<ReclassificationStatus?>(nil)
  let wakes: AsyncStream<Void>
  private let continuation: AsyncStream<Void>.Continuation

  public init() {
    (wakes, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
  }

  public var current: ReclassificationStatus? { state.withLock { $0 } }

  func update(_ status: ReclassificationStatus) { state.withLock { $0 = status } }

  /// Asks for another pass (the profile's version changed on reload).
  func wake() { continuation.yield() }
}

/// At start, and after a reload that changes the profile's version, classifies the stored items
/// whose classification carries another version: in batches, each read and written through the
/// store's queues (a poll's commit waits for at most one batch's write) and classified on a
/// queue of its own, off the cooperative pool that polls feeds. Progress goes to the log and to
/// `status`. A shutdown stops it between batches; the next start finishes the job (the items
/// still stale are found again).
struct BackgroundReclassification: Sendable {
  let holder: MonitorHolder
  let tracker: ReclassificationTracker
  var batchSize = 200
  /// Progress is logged every this many batches.
  var logEvery = 10

  private static let queue = DispatchQueue(label: "kazaz-monitor.reclassify", qos: .utility)

  func run() async {
    await pass()
    for await _ in tracker.wakes.cancelOnGracefulShutdown() { await pass() }
  }

  /// Classifies every stale item again; starts over when a reload changes the version midway.
  func pass() async {
    var status: ReclassificationStatus?
    var afterID: Int64 = 0
    var batches = 0
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
      let monitor = holder.current
      let (store, classifier, logger) = (monitor.store, monitor.classifier, monitor.logger)
      let version = classifier.profile.version
      do {
        if status?.profileVersion != version {
          let stale = try await StoreWork.read {
            try store.staleClassificationCount(version: version)
          }
          guard stale > 0 else { return }
          status = ReclassificationStatus(profileVersion: version, total: stale, startedAt: Date())
          afterID = 0
          logger.notice(
            "profile version changed; classifying stored items again in the background",
            metadata: ["profile.version": "\(version)", "items": "\(stale)"])
        }
        guard var current = status else { return }
        let (limit, after) = (batchSize, afterID)
        let batch = try await StoreWork.read {
          try store.itemsToReclassify(version: version, afterID: after, limit: limit)
        }
        guard let last = batch.last else {
          current.finishedAt = Date()
          tracker.update(current)
          logger.notice(
            "stored items classified again",
            metadata: [
              "profile.version": "\(version)", "items": "\(current.done)",
              "changed": "\(current.changed)",
            ])
          return
        }
        let (results, counts) = await withCheckedContinuation { continuation in
          Self.queue.async {
            continuation.resume(returning: Reclassification.classify(batch, with: classifier))
          }
        }
        try await StoreWork.write { try store.replaceClassifications(results) }
        afterID = last.id
        current.done += counts.items
        current.changed += counts.changed
        status = current
        tracker.update(current)
        batches += 1
        if batches % logEvery == 0 {
          logger.info("\(current.line)")
        }
      } catch {
        logger.error(
          "classifying stored items again failed; the next start continues",
          metadata: ["error": "\(error)"])
        return
      }
    }
  }
}
