import CCHCCore
import CCHCTemplate

/// The parts of a .docx besides the body, the same for every document: styles (Word's own, so
/// the officer edits with Word's tools), settings, fonts, theme, the page-number headers, and the
/// package's content types and relationships. Each element's children in schema order.
package enum WordParts {
    package static let declaration = OfficePackage.declaration
    package static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    package static let relationshipsNS = OfficePackage.relationshipsNS

    /// `word/document.xml` up to its body, as a static string (`WordBody` writes bytes).
    static let documentStart: StaticString = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
        """

    /// The relationship ids of the two headers every section uses.
    package static let pageNumberHeader: StaticString = "rIdPage"
    package static let emptyHeader: StaticString = "rIdFirst"

    package static let contentTypes: String = {
        let word = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        return OfficePackage.contentTypes([
            ("/word/document.xml", "\(word).document.main+xml"), ("/word/styles.xml", "\(word).styles+xml"),
            ("/word/settings.xml", "\(word).settings+xml"), ("/word/fontTable.xml", "\(word).fontTable+xml"),
            ("/word/header1.xml", "\(word).header+xml"), ("/word/header2.xml", "\(word).header+xml"),
            ("/word/theme/theme1.xml", OfficeTheme.contentType),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ])
    }()

    package static let packageRelationships = OfficePackage.relationships([
        ("rId1", "\(relationshipsNS)/officeDocument", "word/document.xml"),
        ("rId2", "\(OfficePackage.packageRelationshipsNS)/metadata/core-properties", "docProps/core.xml"),
        ("rId3", "\(relationshipsNS)/extended-properties", "docProps/app.xml"),
    ])

    package static let documentRelationships = OfficePackage.relationships([
        ("rId1", "\(relationshipsNS)/styles", "styles.xml"), ("rId2", "\(relationshipsNS)/settings", "settings.xml"),
        ("rId3", "\(relationshipsNS)/fontTable", "fontTable.xml"), ("rId4", OfficeTheme.relationshipType, "theme/theme1.xml"),
        ("\(pageNumberHeader)", "\(relationshipsNS)/header", "header1.xml"),
        ("\(emptyHeader)", "\(relationshipsNS)/header", "header2.xml"),
    ])

    /// The document's title, issuer and language; no dates, so the same document gives the
    /// same bytes.
    package static func core(title: String, creator: String, subject: String) -> String {
        var out = declaration
        out +=
            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        out += "<dc:title>"
        Escape.append(title, to: &out)
        out += "</dc:title><dc:subject>"
        Escape.append(subject, to: &out)
        out += "</dc:subject><dc:creator>"
        Escape.append(creator, to: &out)
        out += "</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>"
        return out
    }

    package static let app =
        declaration
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>cchc</Application></Properties>"

    /// Times New Roman in every slot, 14 pt, Vietnamese: the run properties every style repeats.
    package static let font =
        "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
    package static let language = "<w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/>"

    /// A paragraph style: `pPr` and the run properties between the font and the language.
    private static func style(
        _ style: WordStyle, basedOn: WordStyle? = nil, next: String? = nil, outline: Int? = nil,
        pPr: String, rPr: String = "", size: Int = 28
    ) -> String {
        let id = "\(style.id)"
        var out =
            "<w:style w:type=\"paragraph\"\(id.hasPrefix("Heading") || id == "Header" ? "" : " w:customStyle=\"1\"") w:styleId=\"\(id)\">"
        out += "<w:name w:val=\"\(style.name)\"/>"
        out += "<w:basedOn w:val=\"\(basedOn.map { "\($0.id)" } ?? "Normal")\"/>"
        if let next { out += "<w:next w:val=\"\(next)\"/>" }
        out += "<w:qFormat/><w:pPr>\(pPr)\(outline.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? "")</w:pPr>"
        out += "<w:rPr>\(font)\(rPr)<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>\(language)</w:rPr></w:style>"
        return out
    }

    package static let styles: String = {
        let bold = "<w:b/><w:bCs/>"
        let italic = "<w:i/><w:iCs/>"
        let tight = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/>"
        var out = declaration + "<w:styles xmlns:w=\"\(main)\">"
        out +=
            "<w:docDefaults><w:rPrDefault><w:rPr>\(font)<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>\(language)</w:rPr></w:rPrDefault>"
        out +=
            "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"312\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        out += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
        out += "<w:pPr><w:widowControl/><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"312\" w:lineRule=\"auto\"/>"
        out += "<w:ind w:firstLine=\"720\"/><w:jc w:val=\"both\"/></w:pPr>"
        out += "<w:rPr>\(font)<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>\(language)</w:rPr></w:style>"
        out +=
            "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/>"
        out += "<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
        let heading = "<w:keepNext/><w:keepLines/><w:spacing w:before=\"120\" w:after=\"120\"/>"
        out += style(.heading1, next: "Normal", outline: 0, pPr: heading, rPr: bold)
        out += style(.heading2, next: "Normal", outline: 1, pPr: heading, rPr: bold)
        out += style(.heading3, next: "Normal", outline: 2, pPr: heading, rPr: bold + italic)
        let centred = "<w:jc w:val=\"center\"/>"
        out += style(.headerBlock, pPr: tight + centred, size: 26)
        out += style(
            .docType, next: "Subject",
            pPr: "<w:keepNext/><w:spacing w:before=\"400\" w:after=\"0\"/><w:ind w:firstLine=\"0\"/>" + centred, rPr: bold)
        out += style(
            .subject,
            pPr: "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:left=\"936\" w:right=\"936\" w:firstLine=\"0\"/>"
                + centred,
            rPr: bold)
        out += style(
            .attached, pPr: "<w:spacing w:before=\"0\" w:after=\"240\"/><w:ind w:firstLine=\"0\"/>" + centred,
            rPr: italic)
        out += style(
            .centered, pPr: "<w:spacing w:before=\"120\" w:after=\"120\"/><w:ind w:firstLine=\"0\"/>" + centred,
            rPr: bold)
        out += style(.basis, pPr: "", rPr: italic)
        out += style(
            .tableCaption, pPr: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"80\"/><w:ind w:firstLine=\"0\"/>" + centred,
            rPr: bold,
            size: 24)
        let cell = "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/>"
        // A header row is kept with the first row under it.
        out += style(.tableHeading, pPr: "<w:keepNext/>" + cell + centred, rPr: bold, size: 24)
        out += style(.tableText, pPr: cell + "<w:jc w:val=\"left\"/>", size: 24)
        out += style(.tableNumber, basedOn: .tableText, pPr: "<w:jc w:val=\"right\"/>", size: 24)
        out += style(.tableTextStrong, basedOn: .tableText, pPr: "", rPr: bold, size: 24)
        out += style(.tableNumberStrong, basedOn: .tableNumber, pPr: "", rPr: bold, size: 24)
        out += style(
            .bar, basedOn: .tableText,
            pPr: "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"4A6FA5\"/><w:spacing w:before=\"60\" w:after=\"60\"/>",
            size: 16)
        out += style(.recipients, pPr: tight + "<w:jc w:val=\"left\"/>", size: 22)
        out += style(.signer, pPr: tight + centred, rPr: bold)
        out += style(.header, pPr: tight + centred, size: 26)
        out += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
        out += "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
        out += "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
        out += "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        out +=
            "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>"
        out +=
            "<w:uiPriority w:val=\"39\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:tblPr><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            out += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }
        out += "</w:tblBorders></w:tblPr></w:style>"
        return out + "</w:styles>"
    }()

    package static let settings =
        declaration + "<w:settings xmlns:w=\"\(main)\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>"
        + "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
        + "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        + "<w:themeFontLang w:val=\"vi-VN\"/><w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/></w:settings>"

    package static let fontTable =
        declaration
        + "<w:fonts xmlns:w=\"\(main)\"><w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/>"
        + "<w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>"

    /// The page number, centred at the top in 13 pt (a PAGE field).
    package static let pageNumberHeaderPart =
        declaration + "<w:hdr xmlns:w=\"\(main)\" xmlns:r=\"\(relationshipsNS)\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>"
        + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        + "</w:p></w:hdr>"

    /// The first page's header: nothing (NĐ30 prints no number on page 1).
    package static let emptyHeaderPart =
        declaration
        + "<w:hdr xmlns:w=\"\(main)\" xmlns:r=\"\(relationshipsNS)\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr></w:p></w:hdr>"
}
