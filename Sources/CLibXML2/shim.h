// libxml2 through a system-library target (Debian: libxml2-dev).
// Debian builds libxml2 with ICU; its encoding.h then includes the system's ICU headers, which
// clash with the ICU copy inside Foundation. CCHC needs no ICU from libxml2, so keep it out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlreader.h>
#include <libxml/parserInternals.h>
