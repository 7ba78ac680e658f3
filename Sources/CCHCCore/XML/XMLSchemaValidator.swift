import CLibXML2
import Foundation

/// Validates XML against the project's XSD with libxml2. The schema is parsed once; each
/// validation gets its own context, so documents may be validated from several threads.
public final class XMLSchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    /// A problem libxml2 reports, with its line.
    public struct Problem: Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Parses `xsd`, named `name` in messages. The schema must be one file: a DOCTYPE, or an
    /// `xs:include`, `xs:import`, `xs:redefine` or `xs:override`, is refused before libxml2 could
    /// load anything, and the process's entity loader refuses whatever else asks (`XMLSafety`).
    public init(xsd: String, name: String) throws {
        XMLSafety.install()
        if xsd.contains("<!DOCTYPE") || xsd.contains("<!ENTITY") {
            throw RenderError.invalidSchema(
                path: name,
                problems: [Problem(line: Self.line(of: "<!", in: xsd), message: "a DOCTYPE or entity declaration is not allowed")]
            )
        }
        let collector = Collector()
        let bytes = Array(xsd.utf8)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else {
            throw RenderError.invalidSchema(path: name, problems: [Problem(line: 0, message: "not well-formed XML")])
        }
        defer { xmlFreeDoc(document) }
        if let reference = Self.firstReference(xmlDocGetRootElement(document)) {
            throw RenderError.invalidSchema(
                path: name,
                problems: [
                    Problem(
                        line: reference.line,
                        message:
                            "xs:\(reference.name) is not allowed: the schema must be one file, with nothing included or imported"
                    )
                ])
        }
        guard let context = xmlSchemaNewDocParserCtxt(document) else {
            throw RenderError.invalidSchema(path: name, problems: [Problem(line: 0, message: "libxml2 could not read it")])
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        xmlSchemaSetParserStructuredErrors(context, Collector.callback, Unmanaged.passUnretained(collector).toOpaque())
        guard let parsed = xmlSchemaParse(context) else {
            throw RenderError.invalidSchema(path: name, problems: collector.problems)
        }
        schema = parsed
    }

    /// The first element of the tree under `node` that would make libxml2 read another schema.
    private static func firstReference(_ node: xmlNodePtr?) -> (name: String, line: Int)? {
        var next = node
        while let current = next {
            if current.pointee.type == XML_ELEMENT_NODE, let raw = current.pointee.name {
                let local = String(cString: UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self))
                if ["include", "import", "redefine", "override"].contains(local) {
                    return (local, Int(xmlGetLineNo(current)))
                }
                if let found = firstReference(current.pointee.children) { return found }
            }
            next = current.pointee.next
        }
        return nil
    }

    /// The 1-based line of the first `needle` in `text`.
    private static func line(of needle: String, in text: String) -> Int {
        guard let range = text.range(of: needle) else { return 0 }
        return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    deinit { xmlSchemaFree(schema) }

    /// Every problem of `xml` (well-formedness and schema); empty when it is valid.
    ///
    /// The document is validated as it is parsed (SAX), without building a tree: a third
    /// faster on the national run than parsing into a tree and validating that.
    public func validate(_ xml: String) -> [Problem] {
        var xml = xml
        return xml.withUTF8 { validate($0) }
    }

    /// Every problem of the UTF-8 bytes `xml`; empty when they are valid.
    public func validate(_ xml: [UInt8]) -> [Problem] {
        xml.withUnsafeBufferPointer { validate($0) }
    }

    /// Every problem of the UTF-8 bytes `xml`; empty when they are valid.
    package func validate(_ xml: UnsafeBufferPointer<UInt8>) -> [Problem] {
        let collector = Collector()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque(), Collector.callback)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return [Problem(line: 0, message: "libxml2 could not validate")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        xmlSchemaSetValidStructuredErrors(context, Collector.callback, Unmanaged.passUnretained(collector).toOpaque())
        // libxml2 copies the bytes (a static buffer must end in NUL in 2.9); its parser frees them.
        let status: Int32 = xml.withMemoryRebound(to: CChar.self) { chars in
            guard let base = chars.baseAddress,
                let input = xmlParserInputBufferCreateMem(base, Int32(chars.count), XML_CHAR_ENCODING_UTF8)
            else { return 1 }
            return xmlSchemaValidateStream(context, input, XML_CHAR_ENCODING_UTF8, nil, nil)
        }
        if status != 0 && collector.problems.isEmpty {
            return [
                Problem(line: 0, message: status < 0 ? "libxml2 could not validate (status \(status))" : "not well-formed XML")
            ]
        }
        return collector.problems
    }

    private final class Collector {
        var problems: [Problem] = []

        static let callback: xmlStructuredErrorFunc = { userData, error in
            guard let userData, let error else { return }
            let collector = Unmanaged<Collector>.fromOpaque(userData).takeUnretainedValue()
            let message =
                error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "error"
            collector.problems.append(Problem(line: Int(error.pointee.line), message: message))
        }
    }
}
