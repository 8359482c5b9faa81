// Charges a fault to the feed whose input the faulting thread was processing.
//
// Swift traps (overflow, bounds, force unwraps) end in ud2 or brk, which the kernel turns into a
// synchronous SIGILL or SIGTRAP on the faulting thread; bad memory accesses give SIGSEGV or
// SIGBUS. Everything here is async-signal-safe: a thread-local read, pwrite, sigaction, raise.
#define _GNU_SOURCE
#include "crash_mark.h"

#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static _Thread_local int64_t current_feed;
static volatile int journal_fd = -1;
static volatile int64_t journal_offset;
static int installed;

static const int fault_signals[] = {SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT};
#define FAULT_SIGNAL_COUNT (sizeof fault_signals / sizeof fault_signals[0])
static struct sigaction previous[FAULT_SIGNAL_COUNT];

// A stack overflow faults on the guard page below the stack: the handler can only run on an
// alternate stack. Each thread that processes feeds gets one (unless it has one already), freed
// when the thread ends.
enum { ALTERNATE_STACK_BYTES = 64 * 1024 };
static _Thread_local int alternate_stack_checked;
static pthread_key_t alternate_stack_key;
static pthread_once_t alternate_stack_key_once = PTHREAD_ONCE_INIT;

static void free_alternate_stack(void *memory) {
  stack_t off;
  memset(&off, 0, sizeof off);
  off.ss_flags = SS_DISABLE;
  sigaltstack(&off, NULL);
  free(memory);
}

static void make_alternate_stack_key(void) {
  pthread_key_create(&alternate_stack_key, free_alternate_stack);
}

static void ensure_alternate_stack(void) {
  if (alternate_stack_checked) return;
  alternate_stack_checked = 1;
  stack_t current;
  if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE)) return;
  void *memory = malloc(ALTERNATE_STACK_BYTES);
  if (memory == NULL) return;
  stack_t stack;
  memset(&stack, 0, sizeof stack);
  stack.ss_sp = memory;
  stack.ss_size = ALTERNATE_STACK_BYTES;
  if (sigaltstack(&stack, NULL) != 0) {
    free(memory);
    return;
  }
  pthread_once(&alternate_stack_key_once, make_alternate_stack_key);
  pthread_setspecific(alternate_stack_key, memory);
}

void kazaz_crash_mark_set(int64_t feed_id) {
  if (feed_id != 0) ensure_alternate_stack();
  current_feed = feed_id;
}

static void record(int64_t value) {
  // The first fault decides: a later one (another thread, or the backtracer itself) does not
  // overwrite it.
  static int recorded;
  if (journal_fd < 0 || __atomic_exchange_n(&recorded, 1, __ATOMIC_SEQ_CST)) return;
  unsigned char bytes[8];
  for (int i = 0; i < 8; i++) bytes[i] = (unsigned char)((uint64_t)value >> (8 * i));
  ssize_t ignored = pwrite(journal_fd, bytes, sizeof bytes, (off_t)journal_offset);
  (void)ignored;
}

static void on_fault(int signal_number, siginfo_t *info, void *context) {
  // The signal belongs to this thread when the kernel raised it for this thread's own
  // instruction (si_code > 0) or this process raised it on itself (abort(3) uses tgkill).
  int own = info != NULL &&
            (info->si_code > 0 || (info->si_code == SI_TKILL && info->si_pid == getpid()));
  int64_t feed = current_feed;
  record(own && feed != 0 ? feed : KAZAZ_CRASH_UNATTRIBUTED);
  for (size_t i = 0; i < FAULT_SIGNAL_COUNT; i++) {
    if (fault_signals[i] != signal_number) continue;
    struct sigaction *old = &previous[i];
    if ((old->sa_flags & SA_SIGINFO) && old->sa_sigaction != NULL) {
      old->sa_sigaction(signal_number, info, context);
      return;
    }
    if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN && old->sa_handler != NULL) {
      old->sa_handler(signal_number);
      return;
    }
  }
  // Default action: die of this signal, with its exit status and core dump. Returning re-runs
  // the faulting instruction; a trap instruction would not fault again, so raise it as well.
  struct sigaction fallback;
  memset(&fallback, 0, sizeof fallback);
  fallback.sa_handler = SIG_DFL;
  sigaction(signal_number, &fallback, NULL);
  raise(signal_number);
}

void kazaz_crash_mark_install(int fd, int64_t offset) {
  journal_offset = offset;
  journal_fd = fd;
  if (installed) return;
  installed = 1;
  for (size_t i = 0; i < FAULT_SIGNAL_COUNT; i++) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_fault;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    sigaction(fault_signals[i], &action, &previous[i]);
  }
}
