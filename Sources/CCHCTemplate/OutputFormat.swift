import Foundation

/// The formats a document is written in. HTML, XML and text each come from a template folder of
/// their own; DOCX is written by `DocxWriter` from the same document; PDF is the HTML printed by
/// a browser (`PDFPrinter`).
public enum OutputFormat: String, CaseIterable, Codable, Sendable {
    case html, xml, txt, docx, pdf

    /// The formats written when none are asked for, a browser or not: PDF needs one.
    public static let standard: [OutputFormat] = [.html, .xml, .txt, .docx]

    /// Whether the format has a template folder (`html/`, `xml/`, `txt/`).
    public var hasTemplates: Bool { self == .html || self == .xml || self == .txt }

    /// The template folders `formats` are written from: their own, and the HTML's for a PDF.
    public static func templated(_ formats: [OutputFormat]) -> [OutputFormat] {
        var folders = formats.filter(\.hasTemplates)
        if formats.contains(.pdf) && !folders.contains(.html) { folders.append(.html) }
        return folders
    }

    public var escaping: Template.Escaping {
        switch self {
        case .html: return .html
        case .xml: return .xml
        case .txt, .docx, .pdf: return .none
        }
    }
}
