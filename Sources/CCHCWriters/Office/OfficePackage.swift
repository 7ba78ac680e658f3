/// The Open Packaging parts every .docx and .xlsx cchc writes holds besides its content:
/// `[Content_Types].xml` and the relationship parts (`_rels/*.rels`).
package enum OfficePackage {
    package static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    /// Office's relationship types (`…/officeDocument`, `…/styles`, …) and the package's own.
    package static let relationshipsNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package static let packageRelationshipsNS = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// `[Content_Types].xml`: XML and relationship parts by extension, then each part's own type.
    package static func contentTypes(_ overrides: [(part: String, type: String)]) -> String {
        var out = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        for (part, type) in overrides { out += "<Override PartName=\"\(part)\" ContentType=\"\(type)\"/>" }
        return out + "</Types>"
    }

    /// A relationships part: each relationship's id, type and target, in order.
    package static func relationships(_ list: [(id: String, type: String, target: String)]) -> String {
        var out = declaration + "<Relationships xmlns=\"\(packageRelationshipsNS)\">"
        for (id, type, target) in list { out += "<Relationship Id=\"\(id)\" Type=\"\(type)\" Target=\"\(target)\"/>" }
        return out + "</Relationships>"
    }
}
