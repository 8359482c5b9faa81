/// Returns memory that was freed back to the operating system (glibc keeps freed heap pages
/// otherwise). Cheap; called after start-up work that allocates a lot and then drops it.
func releaseFreedMemory() {
  #if os(Linux)
    _ = glibcMallocTrim(0)
  #endif
}

#if os(Linux)
  /// glibc's `malloc_trim(3)`; `<malloc.h>` is not part of the Glibc module.
  @_silgen_name("malloc_trim")
  private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
