import CCHCCore

/// The theme part (`theme1.xml`, DrawingML) of every .docx and .xlsx cchc writes: Times New Roman
/// as both theme fonts and a plain colour scheme. Word and Excel expect one (without it Excel may
/// "repair" the workbook), and the validators check it is there.
package enum OfficeTheme {
    package static let part: String = {
        let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
        var out =
            OfficePackage.declaration + "<a:theme xmlns:a=\"\(a)\" name=\"CCHC\"><a:themeElements><a:clrScheme name=\"CCHC\">"
        out += "<a:dk1><a:srgbClr val=\"000000\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>"
        out += "<a:dk2><a:srgbClr val=\"1F1F1F\"/></a:dk2><a:lt2><a:srgbClr val=\"EEEEEE\"/></a:lt2>"
        for (i, color) in ["4A6FA5", "C0504D", "9BBB59", "8064A2", "4BACC6", "F79646"].enumerated() {
            out += "<a:accent\(i + 1)><a:srgbClr val=\"\(color)\"/></a:accent\(i + 1)>"
        }
        out += "<a:hlink><a:srgbClr val=\"0000FF\"/></a:hlink><a:folHlink><a:srgbClr val=\"800080\"/></a:folHlink></a:clrScheme>"
        out += "<a:fontScheme name=\"CCHC\">"
        for kind in ["major", "minor"] {
            out +=
                "<a:\(kind)Font><a:latin typeface=\"Times New Roman\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:\(kind)Font>"
        }
        out += "</a:fontScheme><a:fmtScheme name=\"CCHC\"><a:fillStyleLst>"
        out += String(repeating: "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>", count: 3)
        out += "</a:fillStyleLst><a:lnStyleLst>"
        out += String(repeating: "<a:ln w=\"9525\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>", count: 3)
        out += "</a:lnStyleLst><a:effectStyleLst>"
        out += String(repeating: "<a:effectStyle><a:effectLst/></a:effectStyle>", count: 3)
        out += "</a:effectStyleLst><a:bgFillStyleLst>"
        out += String(repeating: "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>", count: 3)
        out += "</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"
        return out
    }()

    package static let contentType = "application/vnd.openxmlformats-officedocument.theme+xml"
    package static let relationshipType = "\(OfficePackage.relationshipsNS)/theme"
}
