import CoevoExperiments
import Foundation

/// The front page: queue status, the new-run form, the built-in scenarios, past runs and the
/// two-run comparison picker.
enum IndexPage {
    /// Runs listed, newest first.
    static let listLimit = 200

    static func render(queue: RunQueue, maxFirmQuarters: Int, values: [String: String] = [:], errors: SubmissionErrors? = nil) -> String {
        var h = "<header>\n<h1>Coevo: digital commerce and industrial clusters</h1>\n"
        h += "<p class=\"subtitle\">Run the model from the browser. One run executes at a time; others wait in a queue.</p>\n"
        let running = queue.runningID.map { "run <a href=\"/runs/\($0)\">\($0)</a> is running" } ?? "no run is running"
        h += "<p id=\"queue-status\">Queue: \(running), \(queue.waitingCount) waiting (at most \(queue.maxQueued)). Limit: \(maxFirmQuarters.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) firm-quarters (firms × periods) per run.</p>\n"
        h += "</header>\n"

        h += "<section id=\"new\">\n<h2>New run</h2>\n"
        h += ParameterForm.render(values: values, errors: errors)
        h += "<script type=\"application/json\" id=\"scenario-values\">\(ParameterForm.scenarioValuesJSON())</script>\n"
        h += "</section>\n"

        h += "<section id=\"runs\">\n<h2>Runs</h2>\n"
        let ids = Array(queue.store.ids().reversed().prefix(listLimit))
        if ids.isEmpty {
            h += "<p>No runs yet.</p>\n"
        } else {
            h += "<table id=\"run-list\">\n<thead><tr><th class=\"num\">id</th><th>scenario</th><th class=\"num\">seed</th><th class=\"num\">firms</th><th class=\"num\">quarters</th><th>changed</th><th>state</th><th>submitted</th></tr></thead>\n<tbody>\n"
            var finished: [Int] = []
            for id in ids {
                let request = queue.store.request(of: id)
                let state = queue.progress(of: id)?.state ?? .interrupted
                if state == .finished { finished.append(id) }
                h += "<tr><td class=\"num\"><a href=\"/runs/\(id)\">\(id)</a></td>"
                h += "<td>\(Page.escape(request?.scenario ?? "?"))</td><td class=\"num\">\(request.map { String($0.seed) } ?? "")</td>"
                h += "<td class=\"num\">\(request.map { String($0.firms) } ?? "")</td><td class=\"num\">\(request.map { String($0.periods) } ?? "")</td>"
                let changed = request?.overrides.filter { !$0.hasPrefix("firms=") && !$0.hasPrefix("periods=") } ?? []
                h += "<td title=\"\(Page.escape(changed.joined(separator: " ")))\">\(changed.isEmpty ? "–" : "\(changed.count) parameter\(changed.count == 1 ? "" : "s")")</td>"
                h += "<td class=\"state-\(state.rawValue)\">\(state.rawValue)</td><td>\(Page.escape(request?.submitted ?? ""))</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
            if finished.count >= 2 {
                h += "<form method=\"get\" action=\"/compare\" id=\"compare-form\"><p>Compare finished runs side by side: "
                h += select("a", finished, selected: finished[1]) + " and " + select("b", finished, selected: finished[0])
                h += " <button type=\"submit\">Compare</button></p></form>\n"
            }
        }
        h += "</section>\n"

        h += "<section id=\"scenarios\">\n<h2>Built-in scenarios</h2>\n<table>\n<thead><tr><th>name</th><th>what it is</th><th class=\"num\">firms</th><th class=\"num\">quarters</th></tr></thead>\n<tbody>\n"
        for s in Scenario.builtIn {
            h += "<tr><td><code>\(Page.escape(s.name))</code></td><td>\(Page.escape(s.summary))</td><td class=\"num\">\(s.parameters.firms)</td><td class=\"num\">\(s.parameters.periods)</td></tr>\n"
        }
        h += "</tbody>\n</table>\n</section>\n"
        return Page.render(title: "Coevo", body: h, script: ParameterForm.script)
    }

    static func select(_ name: String, _ ids: [Int], selected: Int) -> String {
        var h = "<select name=\"\(name)\">"
        for id in ids { h += "<option value=\"\(id)\"\(id == selected ? " selected" : "")>run \(id)</option>" }
        return h + "</select>"
    }
}
