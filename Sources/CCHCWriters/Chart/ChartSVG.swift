import CCHCCore
import CCHCDocuments
import CCHCTemplate
import Foundation

/// A horizontal bar chart of indexes as inline SVG: no script, no network, print-safe.
package enum ChartSVG {
    package static func render(_ chart: BarChart) -> String {
        // Drawn at the size it prints (a portrait page's 165 mm is about 620 units): the labels
        // are 13 units high (the style sheet's font size), about 10 pt on paper.
        let labelWidth = 290
        let barWidth = 260
        let row = 22
        let top = 28
        let bottom = chart.average == nil ? 10 : 30
        let height = top + chart.bars.count * row + bottom
        let width = labelWidth + barWidth + 70
        var svg =
            "<svg class=\"chart\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escape(chart.title))\">"
        svg += "<text x=\"\(width / 2)\" y=\"16\" text-anchor=\"middle\" font-weight=\"bold\">\(escape(chart.title))</text>"
        if let average = chart.average {
            // The group's average: a dashed line behind every bar, its value under it.
            let x = labelWidth + BarChart.length(BarChart.Bar(label: "", value: average), full: barWidth)
            let end = top + chart.bars.count * row
            svg += "<line x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(end + 4)\" stroke=\"#000\" stroke-dasharray=\"4 3\"/>"
            svg +=
                "<text x=\"\(x)\" y=\"\(end + 20)\" text-anchor=\"middle\">Bình quân \(VietnameseNumber.format(average, maxDecimals: chart.decimals, minDecimals: chart.decimals))</text>"
        }
        for (i, bar) in chart.bars.enumerated() {
            let y = top + i * row
            let length = BarChart.length(bar, full: barWidth)
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(bar.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(row - 6)\" fill=\"#4a6fa5\"/>"
            svg +=
                "<text x=\"\(labelWidth + length + 4)\" y=\"\(y + 15)\">\(VietnameseNumber.format(bar.value, maxDecimals: chart.decimals, minDecimals: chart.decimals))</text>"
        }
        return svg + "</svg>"
    }

    private static func escape(_ s: String) -> String {
        var out = ""
        Escape.append(s, to: &out)
        return out
    }
}
