import CLibXML2

/// Nothing leaves the machine through libxml2: every external entity, DTD, included schema or
/// URL any parser of the process asks for is refused by one loader, installed before libxml2 is
/// first used. cchc's own XML never needs one (the schema is one file, workbook parts stand alone),
/// so a templates folder, a received store or a workbook that names one cannot make cchc read a
/// local file or send a request.
package enum XMLSafety {
    private static let installed: Void = {
        // libxml2 must be initialised once, on one thread, before several threads use it.
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    /// Initialises libxml2 and installs the refusing loader (once; later calls do nothing).
    package static func install() { _ = installed }

    /// Whether libxml2's loader, asked for `url`, loads nothing (for tests).
    package static func loaderRefusesEverything(_ url: String) -> Bool {
        install()
        guard let context = xmlNewParserCtxt() else { return false }
        defer { xmlFreeParserCtxt(context) }
        guard let input = xmlLoadExternalEntity(url, nil, context) else { return true }
        xmlFreeInputStream(input)
        return false
    }
}
