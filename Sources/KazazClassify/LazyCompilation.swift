import KazazModel
import Synchronization

/// A profile compiled once, on first use, by whichever thread asks first; the others wait for
/// that one compilation rather than repeating it.
final class LazyCompilation: Sendable {
  private let state: Mutex<State>

  private enum State {
    case pending(ClassifierProfile)
    case done(CompiledProfile)
  }

  init(_ profile: ClassifierProfile) {
    state = Mutex(.pending(profile))
  }

  init(_ compiled: CompiledProfile) {
    state = Mutex(.done(compiled))
  }

  var value: CompiledProfile {
    state.withLock { state in
      switch state {
      case .done(let compiled):
        return compiled
      case .pending(let profile):
        let compiled = CompiledProfile(profile)
        state = .done(compiled)
        return compiled
      }
    }
  }

  var isDone: Bool {
    state.withLock { state in
      if case .done = state { return true }
      return false
    }
  }
}
