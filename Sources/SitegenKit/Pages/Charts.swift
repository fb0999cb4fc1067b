import Foundation

/// Static SVG pictures made by the build: the timeline as a chart, and who appears with whom.
/// Every mark links to the page behind it and has a title; the page's lists are the text
/// equivalent. Colours come from CSS classes, so light and dark schemes both apply. The layout is
/// computed with fixed arithmetic and no randomness: the same dossier gives the same picture.
public enum Charts {
    static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    /// Days since 1970 of a date's first day.
    static func day(_ d: PartialDate) -> Int { EventFinder.dayNumber(d.year, d.month ?? 1, d.day ?? 1) }

    public static func timeline(_ items: [Feeds.TimelineItem], in d: Dossier, labels: Labels, root: String) -> String? {
        guard items.count >= 2, let first = items.first?.date, let last = items.last?.date else { return nil }
        let width = 760.0, left = 20.0, right = 20.0
        let d0 = day(first), d1 = max(day(last), d0 + 1)
        func x(_ d: PartialDate) -> Double { left + Double(day(d) - d0) / Double(d1 - d0) * (width - left - right) }
        let height = 150.0, axisY = 90.0
        var svg = "<svg class=\"chart chart-timeline\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"tl-title tl-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"tl-title\">\(Text.html(labels["timeline"]))</title>"
        svg += "<desc id=\"tl-desc\">\(Text.html(labels["chart_timeline_desc"]))</desc>"
        svg += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(axisY))\" x2=\"\(f(width - right))\" y2=\"\(f(axisY))\"/>"
        // Ticks: years for a long span, months otherwise; at most about ten labels.
        let years = last.year - first.year
        var ticks: [PartialDate] = []
        if years >= 3 {
            let step = max(1, years / 8)
            var y = first.year
            while y <= last.year { ticks.append(PartialDate(year: y)); y += step }
        } else {
            let months = (last.year * 12 + (last.month ?? 12)) - (first.year * 12 + (first.month ?? 1)) + 1
            let step = max(1, months / 9)
            var m = first.year * 12 + (first.month ?? 1) - 1
            while m <= last.year * 12 + (last.month ?? 12) - 1 { ticks.append(PartialDate(year: m / 12, month: m % 12 + 1)); m += step }
        }
        for t in ticks where day(t) >= d0 && day(t) <= d1 {
            let tx = x(t)
            let label = t.month == nil ? String(t.year) : labels.monthTitle(year: t.year, month: t.month ?? 1)
            svg += "<line class=\"tick\" x1=\"\(f(tx))\" y1=\"\(f(axisY))\" x2=\"\(f(tx))\" y2=\"\(f(axisY + 5))\"/>"
            svg += "<text class=\"tick-label\" x=\"\(f(tx))\" y=\"\(f(axisY + 20))\" text-anchor=\"middle\">\(Text.html(label))</text>"
        }
        // Marks: publications above the axis, events below it; marks on the same spot stack up.
        // A stack holds what fits in the picture (two publications, five events); its top mark
        // says how many more points the list holds there. A big dossier's picture stays small.
        // A spot is 8 units wide: publications' spots, then events'. Each point's place is worked
        // out once; the points are read by index (a loop over them copies each, a dozen retains),
        // and there is one per article and per dated event.
        let spots = Int(width / 8) + 1
        let place = items.indices.map { x(items[$0].date) }
        let binOf = items.indices.map { i in (items[i].isPublication ? 0 : spots) + min(max(Int(place[i] / 8), 0), spots - 1) }
        var total = [Int](repeating: 0, count: 2 * spots)
        for b in binOf { total[b] += 1 }
        var stack = [Int](repeating: 0, count: 2 * spots)
        for i in items.indices {
            let mx = place[i]
            let key = binOf[i]
            let n = stack[key]
            stack[key] = n + 1
            let room = items[i].isPublication ? 2 : 5
            guard n < room else { continue }
            let item = items[i]
            let more = n == room - 1 ? total[key] - room : 0
            let my = item.isPublication ? axisY - 14 - Double(n) * 11 : axisY - 34 - Double(n) * 11
            let article = item.article(in: d)
            let href = root + "articles/\(article.id).html"
            var title = labels.format(item.date) + " — "
                + (item.isPublication ? labels["publication"] + " : " + article.title : String((item.event(in: d)?.sentence ?? "").prefix(160)))
            if more > 0 { title += " (+\(more) \(labels["chart_more"]))" }
            svg += "<a href=\"\(Text.html(href))\"><title>\(Text.html(title))</title>"
            if item.isPublication {
                svg += "<rect class=\"mark-pub\" x=\"\(f(mx - 4.5))\" y=\"\(f(my - 4.5))\" width=\"9\" height=\"9\"/>"
            } else {
                svg += "<circle class=\"mark-event\" cx=\"\(f(mx))\" cy=\"\(f(my))\" r=\"4.5\"/>"
            }
            svg += "</a>"
        }
        svg += "<rect class=\"mark-pub\" x=\"20\" y=\"128\" width=\"9\" height=\"9\"/><text class=\"legend\" x=\"34\" y=\"137\">\(Text.html(labels["publications"]))</text>"
        svg += "<circle class=\"mark-event\" cx=\"164\" cy=\"132.5\" r=\"4.5\"/><text class=\"legend\" x=\"174\" y=\"137\">\(Text.html(labels["events"]))</text>"
        return svg + "</svg>"
    }

    /// Who appears with whom: the most present people (at most `limit`), an edge for every pair
    /// named in the same articles, nodes sized by quotes. A force layout from a fixed start,
    /// with a fixed number of steps.
    public static func graph(_ d: Dossier, quoteCounts: [String: Int], labels: Labels, root: String, limit: Int = 40) -> String? {
        let ranked = d.people.filter { !$0.articles.isEmpty }.sorted {
            let a = (quoteCounts[$0.id] ?? 0, $0.articles.count), b = (quoteCounts[$1.id] ?? 0, $1.articles.count)
            return a != b ? a > b : $0.id < $1.id
        }.prefix(limit)
        let nodes = Array(ranked)
        guard nodes.count >= 2 else { return nil }
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, $0) })
        var weight: [Int: [Int: Int]] = [:]
        for a in d.articles {
            let ids = (d.articlePeople[a.id] ?? []).compactMap { index[$0] }
            for i in ids { for j in ids where i < j { weight[i, default: [:]][j, default: 0] += 1 } }
        }
        var edges: [(Int, Int, Int)] = []
        for (i, row) in weight { for (j, w) in row { edges.append((i, j, w)) } }
        edges.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        let width = 760.0, height = 560.0, cx = width / 2, cy = height / 2
        let n = nodes.count
        var px = (0..<n).map { cx + 200 * cos(2 * Double.pi * Double($0) / Double(n)) }
        var py = (0..<n).map { cy + 200 * sin(2 * Double.pi * Double($0) / Double(n)) }
        let k = sqrt(width * height / Double(n)) * 0.55
        for step in 0..<300 {
            var dx = [Double](repeating: 0, count: n), dy = dx
            for i in 0..<n {
                for j in (i + 1)..<n {
                    let ddx = px[i] - px[j], ddy = py[i] - py[j]
                    let dist = max(0.01, sqrt(ddx * ddx + ddy * ddy))
                    let force = k * k / dist
                    dx[i] += ddx / dist * force; dy[i] += ddy / dist * force
                    dx[j] -= ddx / dist * force; dy[j] -= ddy / dist * force
                }
            }
            for (i, j, w) in edges {
                let ddx = px[i] - px[j], ddy = py[i] - py[j]
                let dist = max(0.01, sqrt(ddx * ddx + ddy * ddy))
                let force = dist * dist / k * (1 + log(Double(w)))
                dx[i] -= ddx / dist * force; dy[i] -= ddy / dist * force
                dx[j] += ddx / dist * force; dy[j] += ddy / dist * force
            }
            let temperature = 40.0 * (1 - Double(step) / 300) + 1
            for i in 0..<n {
                // A pull to the centre keeps people without links on the picture.
                dx[i] += (cx - px[i]) * 0.02 * k / 10; dy[i] += (cy - py[i]) * 0.02 * k / 10
                let len = max(0.01, sqrt(dx[i] * dx[i] + dy[i] * dy[i]))
                px[i] += dx[i] / len * min(len, temperature)
                py[i] += dy[i] / len * min(len, temperature)
                px[i] = min(width - 110, max(40, px[i]))
                py[i] = min(height - 30, max(30, py[i]))
            }
        }
        // Fill the frame: the layout's shape, scaled to the picture (room on the right for names).
        if let minX = px.min(), let maxX = px.max(), let minY = py.min(), let maxY = py.max() {
            let sx = (width - 190) / max(1, maxX - minX), sy = (height - 70) / max(1, maxY - minY)
            for i in 0..<n {
                px[i] = 40 + (px[i] - minX) * sx
                py[i] = 35 + (py[i] - minY) * sy
            }
        }
        var svg = "<svg class=\"chart chart-graph\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"gr-title gr-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"gr-title\">\(Text.html(labels["graph"]))</title><desc id=\"gr-desc\">\(Text.html(labels["chart_graph_desc"]))</desc>"
        let maxW = Double(edges.map(\.2).max() ?? 1)
        for (i, j, w) in edges {
            svg += "<line class=\"edge\" x1=\"\(f(px[i]))\" y1=\"\(f(py[i]))\" x2=\"\(f(px[j]))\" y2=\"\(f(py[j]))\" stroke-width=\"\(f(0.8 + 3 * Double(w) / maxW))\"/>"
        }
        for (i, p) in nodes.enumerated() {
            let q = quoteCounts[p.id] ?? 0
            let r = 5 + 3 * sqrt(Double(q))
            let title = "\(p.name) — \(labels.count(q, "quote_count")), \(labels.count(p.articles.count, "article_count"))"
            svg += "<a href=\"\(root)people/\(p.id).html\"><title>\(Text.html(title))</title>"
            svg += "<circle class=\"node\" cx=\"\(f(px[i]))\" cy=\"\(f(py[i]))\" r=\"\(f(r))\"/>"
            svg += "<text class=\"node-label\" x=\"\(f(px[i] + r + 3))\" y=\"\(f(py[i] + 4))\">\(Text.html(p.name))</text></a>"
        }
        return svg + "</svg>"
    }
}
