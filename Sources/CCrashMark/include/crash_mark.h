#ifndef KAZAZ_CRASH_MARK_H
#define KAZAZ_CRASH_MARK_H

#include <stdint.h>

/// Names the feed whose input the calling thread is processing (0: none). Read by the fault
/// handler on the thread that faults, so a crash is charged to the feed that caused it.
void kazaz_crash_mark_set(int64_t feed_id);

/// What the fault handler records when the process dies of a fault or an abort that no feed can
/// be charged with: a fault on a thread processing no feed, or SIGABRT sent from outside (the
/// service manager's watchdog).
#define KAZAZ_CRASH_UNATTRIBUTED ((int64_t)-1)

/// Installs handlers for the signals a fault or an abort raises (SIGILL, SIGTRAP, SIGSEGV,
/// SIGBUS, SIGFPE, SIGABRT). The handler writes 8 bytes, little-endian, at `offset` of the open
/// file `fd`: the id of the feed the faulting thread was processing when the signal is that
/// thread's own (raised by the kernel for its instruction, or by the process on itself), else
/// KAZAZ_CRASH_UNATTRIBUTED. Then the signal takes its course: the handler installed before (the
/// Swift runtime's backtracer) runs, else the default action ends the process as it would have.
/// SIGKILL cannot be caught: a killed process records nothing. Later calls only change the file
/// and offset.
void kazaz_crash_mark_install(int fd, int64_t offset);

#endif
