import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCTemplate

/// A templates folder or a received store can change how a document looks, never read a file of
/// the officer's machine or send anything: libxml2 loads no DTD, entity, include or URL when it
/// parses the XSD or validates a document (issue 26, finding 1).
@Suite(.serialized) struct HostileSchemaTests {
    /// The built-in XSD with `prefix` put before its root element.
    private func schema(before root: String = "", inside: String = "") -> String {
        let xsd = String(decoding: TemplateSet.builtIn.file("xml/cchc-document.xsd")!.data()!, as: UTF8.self)
        let start = xsd.range(of: "<xs:schema")!
        var text = xsd
        text.insert(contentsOf: root, at: start.lowerBound)
        let close = text.range(of: ">", range: text.range(of: "<xs:schema")!.upperBound..<text.endIndex)!
        text.insert(contentsOf: inside, at: close.upperBound)
        return text
    }

    /// The witness itself can fail: a request made before `settle()` is seen once it returns.
    @Test func theListenerSeesARequestMadeBeforeItSettles() throws {
        let listener = try LoopbackListener()
        defer { listener.stop() }
        #expect(listener.send("GET /probe HTTP/1.1\r\n\r\n"))
        #expect(listener.settle())
        #expect(listener.requests.count == 1 && listener.requests.first?.contains("/probe") == true, "\(listener.requests)")
    }

    @Test func aDoctypeWithParameterEntitiesIsRefusedAndSendsNothing() throws {
        let listener = try LoopbackListener()
        defer { listener.stop() }
        let doctype = """
            <!DOCTYPE xs:schema [
            <!ENTITY % remote SYSTEM "\(listener.url)/evil.dtd">
            %remote;
            ]>

            """
        let error = #expect(throws: RenderError.self) { try XMLSchemaValidator(xsd: schema(before: doctype), name: "x.xsd") }
        #expect(
            error?.localizedDescription.contains("a DOCTYPE or entity declaration is not allowed") == true,
            "\(String(describing: error))")
        #expect(listener.settle())
        #expect(listener.requests.isEmpty)
    }

    @Test func anIncludeOrImportIsRefusedAndNothingIsFetched() throws {
        let listener = try LoopbackListener()
        defer { listener.stop() }
        for element in [
            "<xs:include schemaLocation=\"\(listener.url)/a.xsd\"/>",
            "<xs:import namespace=\"urn:x\" schemaLocation=\"\(listener.url)/b.xsd\"/>",
            "<xs:redefine schemaLocation=\"\(listener.url)/c.xsd\"/>",
            "<xs:include schemaLocation=\"file:///etc/passwd\"/>",
        ] {
            let error = #expect(throws: RenderError.self) { try XMLSchemaValidator(xsd: schema(inside: element), name: "x.xsd") }
            let message = error?.localizedDescription ?? ""
            #expect(message.contains("one file"), "\(message)")
            #expect(!message.contains("root:"), "the error quotes a local file: \(message)")
        }
        #expect(listener.settle())
        #expect(listener.requests.isEmpty)
    }

    /// A template that writes a DOCTYPE into the XML it renders: validation loads nothing either.
    @Test func aDocumentWithExternalEntitiesLoadsNothing() throws {
        let listener = try LoopbackListener()
        defer { listener.stop() }
        let validator = try XMLSchemaValidator(templates: TemplateSet.builtIn)
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE document [
            <!ENTITY % remote SYSTEM "\(listener.url)/dtd">
            %remote;
            <!ENTITY secret SYSTEM "file:///etc/passwd">
            ]>
            <document>&secret;</document>
            """
        let problems = validator.validate(xml)
        #expect(!problems.isEmpty)
        #expect(!problems.map(\.message).joined().contains("root:"))
        #expect(listener.settle())
        #expect(listener.requests.isEmpty)
    }

    /// The loader refuses every external entity wherever libxml2 is used in the process.
    @Test func theExternalEntityLoaderRefusesEverything() {
        XMLSafety.install()
        #expect(XMLSafety.loaderRefusesEverything("file:///etc/passwd"))
        #expect(XMLSafety.loaderRefusesEverything("http://127.0.0.1:9/x"))
    }
}
