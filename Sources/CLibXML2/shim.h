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

#endif
