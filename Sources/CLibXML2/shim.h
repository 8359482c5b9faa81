// libxml2's SAX2 push parser, used with recovery on and every network/entity-loading option off.
#ifndef KAZAZ_LIBXML2_SHIM_H
#define KAZAZ_LIBXML2_SHIM_H

// libxml2's headers pull in the system ICU when it was built with ICU. Swift's Foundation ships
// its own ICU module, and the two clash. We never touch ICU types (only opaque handler pointers),
// so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#include <libxml/HTMLparser.h>
#include <libxml/entities.h>

// libxml2 reports some problems (encoder failures, I/O) through its global "generic" error
// function, which prints to stderr. Its signature is variadic, so it cannot be written in Swift.
static inline void kazaz_xml_ignore_generic_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

/// Routes the calling thread's generic libxml2 errors to nowhere (the structured handler of each
/// parser still reports them).
static inline void kazaz_xml_silence_generic_errors(void) {
  xmlSetGenericErrorFunc(NULL, kazaz_xml_ignore_generic_error);
}

#endif
