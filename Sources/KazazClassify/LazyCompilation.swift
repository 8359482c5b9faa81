import KazazModel
import Synchronization

/// A profile compiled once, on first use, by whichever thread asks first; the others wait for
/// that one compilation rather than repeating it.
final class LazyCompilation: Sendable {
  private let state: Mutex<State>

  private enum State {
    case pending(ClassifierProfile, @Sendable (ClassifierProfile) -> CompiledProfile)
    case done(CompiledProfile)
  }

  /// `compile` makes the compiled profile when it is first needed (by default, compiles it).
  init(
    _ profile: ClassifierProfile,
    compile: @escaping @Sendable (ClassifierProfile) -> CompiledProfile = CompiledProfile.init
  ) {
    state = Mutex(.pending(profile, compile))
  }

  init(_ compiled: CompiledProfile) {
    state = Mutex(.done(compiled))
  }

  var value: CompiledProfile {
    state.withLock { state in
      switch state {
      case .done(let compiled):
        return compiled
      case .pending(let profile, let compile):
        let compiled = compile(profile)
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
