import CCHCCompute
import Foundation

/// Results as the JSON `cchc compute` prints (README, "How it computes"), keys in a fixed order, numbers exact.
public enum ResultsJSON {
    public static func render(_ results: Results) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("dataset", results.dataset)
        w.field("year", results.year)
        w.beginArray("groups")
        for group in results.groups {
            w.beginObject()
            w.field("name", group.name)
            w.beginArray("units")
            for unit in group.units { write(unit, &w) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.beginArray("warnings")
        for d in results.warnings {
            w.beginObject()
            w.field("file", d.file.description)
            w.field("line", d.line)
            w.field("message", d.message)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.text + "\n"
    }

    private static func write(_ u: UnitResult, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("id", u.id)
        w.field("name", u.name)
        w.field("rank", u.rank)
        w.field("total", u.total)
        w.field("max", u.max)
        w.field("index", u.index)
        w.field("band", u.band)
        w.beginObject("byMethod")
        for m in u.byMethod {
            w.beginObject(m.method.rawValue)
            w.field("score", m.score)
            w.field("max", m.max)
            w.endObject()
        }
        w.endObject()
        w.field("previousRank", u.previousRank)
        w.field("rankChange", u.rankChange)
        w.field("previousIndex", u.previousIndex)
        w.beginArray("fields")
        for f in u.fields {
            w.beginObject()
            w.field("code", f.code.description)
            w.field("name", f.name)
            w.field("score", f.score)
            w.field("max", f.max)
            w.field("index", f.index)
            w.field("rank", f.rank)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
