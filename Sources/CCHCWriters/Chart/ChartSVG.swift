import CCHCCore
import CCHCDocuments
import CCHCTemplate
import Foundation

/// A horizontal bar chart of indexes as inline SVG: no script, no network, print-safe.
package enum ChartSVG {
    package static func render(_ chart: BarChart) -> String {
        let labelWidth = 270
        let barWidth = 330
        let row = 20
        let top = 28
        let height = top + chart.bars.count * row + 10
        let width = labelWidth + barWidth + 60
        var svg =
            "<svg class=\"chart\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escape(chart.title))\">"
        svg += "<text x=\"\(width / 2)\" y=\"16\" text-anchor=\"middle\" font-weight=\"bold\">\(escape(chart.title))</text>"
        for (i, bar) in chart.bars.enumerated() {
            let y = top + i * row
            let length = BarChart.length(bar, full: barWidth)
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(escape(bar.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(row - 6)\" fill=\"#4a6fa5\"/>"
            svg +=
                "<text x=\"\(labelWidth + length + 4)\" y=\"\(y + 14)\">\(VietnameseNumber.format(bar.value, maxDecimals: chart.decimals, minDecimals: chart.decimals))</text>"
        }
        return svg + "</svg>"
    }

    private static func escape(_ s: String) -> String {
        var out = ""
        Escape.append(s, to: &out)
        return out
    }
}
