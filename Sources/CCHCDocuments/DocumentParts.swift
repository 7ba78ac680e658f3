import CCHCCompute
import CCHCCore
import CCHCInput
import CCHCTemplate
import Foundation

/// The pieces every kind shares: header, signature, recipients, prose sections, numbering.
package struct DocumentParts: Sendable {
    package let dataset: Dataset
    package let results: Results
    /// The wording of each kind, by the kind's file name.
    package let wordings: [String: Wording]
    /// The issuer's header lines, the parent organ line of a unit's header and the secretariat's
    /// short name, worked out once: every unit's documents print them.
    package let issuerLines: [String]
    package let shortAuthority: String
    private let secretariatShort: String
    /// Whether scores.csv has a first appraisal round (`Dataset.hasTwoAppraisalRounds`, which
    /// reads every score row).
    package let twoRounds: Bool

    package init(dataset: Dataset, results: Results, wordings: [String: Wording]) {
        (self.dataset, self.results, self.wordings) = (dataset, results, wordings)
        issuerLines = Self.issuerLines(dataset.plan.issuer)
        shortAuthority =
            issuerLines.count > 1
            ? ([dataset.plan.issuer.short.uppercased()] + issuerLines.dropFirst()).joined(separator: " ")
            : issuerLines.joined(separator: " ")
        secretariatShort = IssuerSymbol.derive(dataset.plan.secretariat ?? "Sở Nội vụ")
        twoRounds = dataset.hasTwoAppraisalRounds
    }

    /// The sentences of `kind` for `values`.
    package func sentences(_ kind: DocumentKind, _ values: TemplateObject) throws(TemplateError) -> Sentences {
        guard let wording = wordings[kind.fileName] else {
            throw TemplateError(
                template: "wording/\(kind.fileName).mustache", line: 1, column: 1,
                kind: .unreadable("not found; expected the wording of this kind (`cchc templates --out DIR` writes it)"),
                sourceLine: "")
        }
        return try wording.sentences(values)
    }

    package var plan: Plan { dataset.plan }
    package var precision: Int { results.precision }

    package func meta(_ kind: DocumentKind) -> DocumentMeta? {
        switch kind {
        case .plan: return plan.documents?.plan
        case .selfAssessment: return plan.documents?.selfAssessment
        case .report: return plan.documents?.report
        case .decision: return plan.documents?.decision
        case .appraisal: return plan.documents?.appraisal
        case .commendation: return plan.documents?.commendation
        case .submission: return plan.documents?.submission
        case .council: return plan.documents?.council
        case .guidance: return plan.documents?.guidance
        case .appraisalReport: return plan.documents?.appraisalReport
        }
    }

    /// The province's issuer (UBND tỉnh) as header lines: plan.yaml's `issuer.lines`, or its
    /// name in capitals broken after "ỦY BAN NHÂN DÂN" (NĐ 30/2020 ô 2: "ỦY BAN NHÂN DÂN" /
    /// "TỈNH AN GIANG"), never where the width happens to fall.
    private static func issuerLines(_ issuer: Issuer) -> [String] {
        if let lines = issuer.lines { return lines }
        let name = issuer.name.uppercased().trimmingCharacters(in: .whitespaces)
        for committee in ["ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN "] where name.hasPrefix(committee) {
            return ["ỦY BAN NHÂN DÂN", String(name.dropFirst(committee.count)).trimmingCharacters(in: .whitespaces)]
        }
        return [name]
    }

    /// "ỦY BAN NHÂN DÂN TỈNH AN GIANG" on one line.
    package var issuerAuthority: String { issuerLines.joined(separator: " ") }

    /// The issuer's name as a sentence writes it: "Ủy ban nhân dân tỉnh An Giang", even when
    /// plan.yaml gives it in capitals.
    package var issuerInText: String { Sentence.organName(plan.issuer.name) }

    package var secretariat: String { plan.secretariat ?? "Sở Nội vụ" }

    /// The header of a document issued by the province (plan, decision); `meta` and `type` when
    /// it is not the kind's own (the decision issuing the plan).
    package func provinceHeader(_ kind: DocumentKind, subject: String, meta given: DocumentMeta? = nil, type: DocumentType? = nil)
        -> DocumentHeader
    {
        let m = given ?? meta(kind)
        return DocumentHeader(
            parentOrgan: plan.issuer.parent?.uppercased() ?? "", issuerLines: issuerLines,
            organName: issuerInText, organId: plan.issuer.id ?? "", number: m?.number,
            symbol: m?.symbol ?? "\((type ?? kind.type).abbreviation)-\(plan.issuer.short)", place: plan.place,
            date: m?.date.flatMap(PlanDate.init), fallbackYear: plan.year + 1, subject: m?.title ?? subject,
            attached: m?.attached ?? "")
    }

    /// The header of a document a unit issues itself. A UBND is its own issuing body, with no
    /// cơ quan chủ quản line ("ỦY BAN NHÂN DÂN" / "THÀNH PHỐ CHÂU ĐỐC", ký hiệu `…-UBND`); an
    /// agency has the province above it ("UBND TỈNH AN GIANG" / "SỞ TƯ PHÁP", `…-STP`). A UBND
    /// dates its documents with its own place ("Châu Đốc, ngày …"), an agency with the
    /// province's. units.csv's `parent`, `issuer`, `short` and `place` columns override each part.
    package func unitHeader(_ unit: AssessedUnit, _ type: DocumentType, meta m: DocumentMeta?, subject: String) -> DocumentHeader
    {
        func extra(_ key: String) -> String? { unit.extra[key].flatMap { $0.isEmpty ? nil : $0 } }
        let place = UnitKind.place(unit.name)
        let parent = extra("parent")?.uppercased() ?? (place == nil ? shortAuthority : "")
        let issuer =
            extra("issuer").map { [$0] } ?? place.map { ["ỦY BAN NHÂN DÂN", $0.uppercased()] } ?? [unit.name.uppercased()]
        let short = extra("short") ?? (place == nil ? IssuerSymbol.derive(unit.name) : "UBND")
        return DocumentHeader(
            parentOrgan: parent, issuerLines: issuer, organName: unit.name, organId: unit.id, number: m?.number,
            symbol: m?.symbol ?? "\(type.abbreviation)-\(short)",
            place: extra("place") ?? UnitKind.placeName(unit.name) ?? plan.place,
            date: m?.date.flatMap(PlanDate.init),
            fallbackYear: plan.year + 1, subject: m?.title ?? subject, attached: "")
    }

    /// The header of what the appraisal council sends through its standing body, the
    /// secretariat: "UBND TỈNH AN GIANG" / "SỞ NỘI VỤ", ký hiệu `TB-SNV` (plan.yaml's
    /// documents.appraisal may give another symbol).
    package func secretariatHeader(_ kind: DocumentKind, subject: String) -> DocumentHeader {
        let m = meta(kind)
        return DocumentHeader(
            parentOrgan: shortAuthority, issuerLines: [secretariat.uppercased()], organName: secretariat, organId: "",
            number: m?.number, symbol: m?.symbol ?? secretariatSymbol(kind.type),
            place: plan.place, date: m?.date.flatMap(PlanDate.init), fallbackYear: plan.year + 1,
            subject: m?.title ?? subject, attached: "")
    }

    /// The secretariat's ký hiệu for a type: `TB-SNV`, `TTr-SNV`; a công văn, which has no type
    /// abbreviation, carries its drafting unit instead (`SNV-CCHC`, the Phòng Cải cách hành
    /// chính; plan.yaml's documents.guidance.symbol gives another).
    private func secretariatSymbol(_ type: DocumentType) -> String {
        type == .letter ? "\(secretariatShort)-CCHC" : "\(type.abbreviation)-\(secretariatShort)"
    }

    /// The signature a kind's wording gives for when plan.yaml has none (signerCompetence,
    /// signerBody, signerPosition; an empty competence or body is none).
    package func defaultSigner(_ words: Sentences) throws(TemplateError) -> Signer {
        let competence = try words.one("signerCompetence")
        let body = try words.one("signerBody")
        return Signer(
            competence: competence.isEmpty ? nil : competence, body: body.isEmpty ? nil : body,
            position: try words.one("signerPosition"), name: "")
    }

    /// The signature from plan.yaml, or `fallback` when the kind has none.
    package func signature(_ signer: Signer?, fallback: Signer) -> SignatureBlock {
        let s = signer ?? fallback
        let competence = s.competence ?? ""
        var lines = s.lines ?? []
        if lines.isEmpty {
            if !competence.isEmpty { lines.append("\(competence) \(s.body ?? "")".trimmingCharacters(in: .whitespaces)) }
            lines.append(s.position)
        }
        return SignatureBlock(lines: lines, competence: competence, position: s.position, name: s.name)
    }

    /// "- Bộ Nội vụ;" … "- Lưu: VT, NC." (NĐ30 ô 9b: the archive and the drafting unit, plan.yaml's
    /// `archive`, else the wording's `archive` line). A decision's list starts with "Như Điều N"
    /// (N its last article, who carries it out) when plan.yaml leaves it out.
    package func recipients(_ kind: DocumentKind, defaults: [String], words: Sentences) -> [String] {
        let m = meta(kind)
        return recipients(
            defaults: defaults, given: m?.recipients, archive: m?.archive ?? words.all("archive").first ?? "VT",
            executorsArticle: kind.type == .decision ? 3 : nil)
    }

    package func recipients(defaults: [String], given: [String]?, archive: String?, executorsArticle: Int? = nil) -> [String] {
        var list = given ?? defaults
        if let n = executorsArticle, !list.contains(where: { $0.lowercased().hasPrefix("như điều") }) {
            list.insert("Như Điều \(n)", at: 0)
        }
        return list.map { "- \($0);" } + ["- Lưu: \(archive ?? "VT")."]
    }

    /// Căn cứ lines, each ending `;`, the last `.`.
    package func bases(_ list: [String]) -> [String] {
        list.enumerated().map { i, text in
            var t = text.trimmingCharacters(in: .whitespaces)
            while let last = t.last, ";.,".contains(last) { t.removeLast() }
            return t + (i == list.count - 1 ? "." : ";")
        }
    }

    /// Prose sections from plan.yaml as blocks, numbered from `first` at `level`.
    package func prose(_ sections: [ProseSection], level: Int, first: Int = 1) -> [Block] {
        var blocks: [Block] = []
        for (i, section) in sections.enumerated() {
            blocks.append(.heading(level: level, label: Numbering.label(level: level, first + i), text: section.title))
            blocks += (section.paragraphs ?? []).map(Block.paragraph)
            blocks += (section.items ?? []).map(Block.item)
            blocks += prose(section.sections ?? [], level: level + 1)
        }
        return blocks
    }

    /// What the "(Kèm theo …)" line of a kind's appendices takes: `typeTitle` (Quyết định),
    /// `number` (blank until numbered), `symbol`, `date` ("ngày 22 tháng 3 năm 2023"), `issuerName`.
    /// A plan issued by a decision is attached to that decision, and so are its appendices.
    package func attachedValues(_ kind: DocumentKind) -> TemplateObject {
        let decision = kind == .plan ? plan.documents?.planDecision : nil
        let type = decision == nil ? kind.type : .decision
        let header = provinceHeader(kind, subject: "", meta: decision, type: type)
        return [
            "typeTitle": .text(type.typeTitle), "number": .text(header.numberText ?? "     "),
            "symbol": .text(header.symbol),
            "date": .text(VietnameseDate.long(header.date, fallbackYear: header.fallbackYear)),
            "issuerName": .text(issuerInText),
        ]
    }

    /// The secretariat's tờ trình as a decision cites it ("tại Tờ trình số 315/TTr-SNV ngày …"):
    /// `submissionNumber` (empty until plan.yaml numbers it), `submissionSymbol`, `submissionDate`.
    package var submissionValues: TemplateObject {
        let h = secretariatHeader(.submission, subject: "")
        return [
            "submissionNumber": .text(h.numberText ?? ""), "submissionSymbol": .text(h.symbol),
            "submissionDate": .text(VietnameseDate.long(h.date, fallbackYear: h.fallbackYear)),
        ]
    }

    /// A decision's body: "QUYẾT ĐỊNH:", then Điều 1 (and `afterFirst`, its list), Điều 2, Điều 3,
    /// from the wording's `opening`, `article1`, `article2`, `article3`.
    package static func articles(_ words: Sentences, afterFirst: [Block] = []) throws(TemplateError) -> [Block] {
        [.centered(try words.one("opening")), .article(label: "Điều 1.", text: try words.one("article1"))] + afterFirst + [
            .article(label: "Điều 2.", text: try words.one("article2")),
            .article(label: "Điều 3.", text: try words.one("article3")),
        ]
    }

    /// The decision issuing the plan, as a căn cứ cites it: `hasPlanDecision`, `planNumber` (a
    /// blank until numbered), `planSymbol`, `planDate`.
    package var planDecisionValues: TemplateObject {
        let decision = plan.documents?.planDecision
        return [
            "hasPlanDecision": .bool(decision != nil), "planNumber": .text(decision?.number.map(String.init) ?? "     "),
            "planSymbol": .text(decision?.symbol ?? "QĐ-\(plan.issuer.short)"),
            "planDate": .text(VietnameseDate.long(decision?.date.flatMap(PlanDate.init), fallbackYear: plan.year + 1)),
        ]
    }

    /// Ends the body with "./." as NĐ30 wants.
    package static func closing(_ blocks: consuming [Block]) -> [Block] {
        // The body is taken, not copied: changing its last sentence in a copy would copy every
        // block of every unit's document (its tables included).
        var blocks = blocks
        var last: Int?
        for i in blocks.indices.reversed() {
            switch blocks[i] {
            case .paragraph, .item, .article: last = i
            case .heading, .centered, .table, .chart, .addressees: continue
            }
            break
        }
        guard let i = last else { return blocks }
        switch blocks[i] {
        case .paragraph(let t): blocks[i] = .paragraph(endSentence(t) + "/.")
        case .item(let t): blocks[i] = .item(endSentence(t) + "/.")
        case .article(let l, let t): blocks[i] = .article(label: l, text: endSentence(t) + "/.")
        default: break
        }
        return blocks
    }

    package static func endSentence(_ t: String) -> String {
        var t = t.trimmingCharacters(in: .whitespaces)
        while let last = t.last, ";,".contains(last) { t.removeLast() }
        return t.hasSuffix(".") ? t : t + "."
    }

    /// The groups that use a framework file, for titles.
    package func groups(using framework: String) -> [String] {
        dataset.groups.filter { g in dataset.units.contains { $0.group == g && $0.framework == framework } }
    }

    /// The framework files in use, in the order of the first unit using each.
    package var frameworksInUse: [String] {
        var seen = Set<String>()
        return dataset.units.compactMap { seen.insert($0.framework).inserted ? $0.framework : nil }
    }
}
