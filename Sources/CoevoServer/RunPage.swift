import CoevoReport
import CoevoStore
import Foundation

/// One run's page: its request, state and live progress (server-sent events) while queued or
/// running; the report's facts, tables and charts (CoevoReport) once finished.
enum RunPage {
    static func render(id: Int, queue: RunQueue) -> String {
        let store = queue.store
        let request = store.request(of: id)
        let progress = queue.progress(of: id) ?? RunProgress(id: id, state: .interrupted, periods: request?.periods ?? 0)
        var h = "<header>\n<h1>Run \(id)\(request.map { ": " + Page.escape($0.scenario) } ?? "")</h1>\n"
        h += "<p>State: <span id=\"run-state\" data-state=\"\(progress.state.rawValue)\" class=\"state-\(progress.state.rawValue)\">\(progress.state.rawValue)</span></p>\n"
        if let request {
            h += "<dl class=\"facts\"><div><dt>scenario</dt><dd>\(Page.escape(request.scenario))</dd></div><div><dt>seed</dt><dd>\(request.seed)</dd></div>"
            h += "<div><dt>firms</dt><dd>\(request.firms)</dd></div><div><dt>quarters</dt><dd>\(request.periods)</dd></div>"
            h += "<div><dt>submitted</dt><dd>\(Page.escape(request.submitted))</dd></div>"
            if let entry = store.storedRun(id) {
                h += "<div><dt>finished</dt><dd>\(Page.escape(entry.finished ?? "–"))</dd></div><div><dt>version</dt><dd>\(Page.escape(entry.version))</dd></div>"
            }
            h += "</dl>\n<p>Same run from the command line:</p>\n<code class=\"cli\">\(Page.escape(request.commandLine))</code>\n"
        }
        h += "</header>\n"
        var script: String? = nil
        switch progress.state {
        case .queued, .running:
            h += "<section id=\"progress-section\">\n<h2>Progress</h2>\n"
            h += "<progress id=\"progress\" max=\"\(max(progress.periods, 1))\" value=\"\(progress.period)\"></progress>\n"
            h += "<p id=\"progress-text\">\(Page.escape(describe(progress)))</p>\n</section>\n"
            script = progressScript(id: id)
        case .failed:
            h += "<div class=\"errors\"><p id=\"run-error\">\(Page.escape(progress.message ?? "the run failed"))</p></div>\n"
        case .interrupted:
            h += "<div class=\"errors\"><p>The server stopped before this run finished; its files are incomplete.</p></div>\n"
        case .finished:
            let links = ["report.html", RunFiles.series, RunFiles.summary, RunFiles.database]
                .map { "<a href=\"/runs/\(id)/files/\($0)\">\($0)</a>" }.joined(separator: " · ")
            h += "<p>Files: \(links)</p>\n"
            do {
                let doc = try ReportBuilder.document(directory: store.directory(of: id))
                h += finishedBody(doc)
            } catch {
                h += "<div class=\"errors\"><p>report: \(Page.escape(String(describing: error)))</p></div>\n"
            }
        }
        return Page.render(title: "Coevo run \(id)", body: h, wide: progress.state == .finished, script: script)
    }

    /// A finished run: every chart of the report in a grid, then the report's tables and notes
    /// (its facts block repeats the request shown above and is left out).
    static func finishedBody(_ doc: ReportDocument) -> String {
        var charts = "", rest = ""
        for section in doc.sections {
            for block in section.blocks {
                if case .chart = block { charts += HTMLRenderer.render(block) } else { rest += HTMLRenderer.render(block) }
            }
        }
        var h = "<section id=\"charts\">\n<h2>Charts</h2>\n<div class=\"chart-grid\">\n\(charts)</div>\n\(rest)</section>\n"
        h += "<section id=\"tables\">\n<h2>Stages and final values</h2>\n"
        for block in doc.header {
            if case .facts = block { continue }
            h += HTMLRenderer.render(block)
        }
        return h + "</section>\n"
    }

    static func describe(_ p: RunProgress) -> String {
        switch p.state {
        case .queued:
            let ahead = p.position ?? 0
            return ahead == 0 ? "queued: next to run" : "queued: \(ahead) run\(ahead == 1 ? "" : "s") ahead"
        case .running:
            var s = "period \(p.period) of \(p.periods)"
            if let f = p.firms { s += " · \(f) firms" }
            if let st = p.stage { s += " · stage \(st)" }
            if let e = p.elapsed { s += String(format: " · %.1f s", e) }
            return s
        default:
            return p.state.rawValue
        }
    }

    /// Follows `/runs/{id}/events`; reloads the page (which then shows the charts) when the run
    /// ends.
    static func progressScript(id: Int) -> String {
        """
        (function () {
          var bar = document.getElementById('progress');
          var text = document.getElementById('progress-text');
          var state = document.getElementById('run-state');
          var es = new EventSource('/runs/\(id)/events');
          function show(p) {
            bar.max = Math.max(p.periods, 1); bar.value = p.period;
            state.textContent = p.state; state.setAttribute('data-state', p.state);
            state.className = 'state-' + p.state;
            if (p.state === 'queued') text.textContent = p.position ? 'queued: ' + p.position + ' run(s) ahead' : 'queued: next to run';
            else if (p.state === 'running') text.textContent = 'period ' + p.period + ' of ' + p.periods +
              (p.firms != null ? ' · ' + p.firms + ' firms' : '') + (p.stage != null ? ' · stage ' + p.stage : '') +
              (p.elapsed != null ? ' · ' + p.elapsed.toFixed(1) + ' s' : '');
            else text.textContent = p.state;
          }
          es.addEventListener('progress', function (e) { show(JSON.parse(e.data)); });
          es.addEventListener('done', function (e) { show(JSON.parse(e.data)); es.close(); location.reload(); });
          es.addEventListener('shutdown', function () { es.close(); text.textContent = 'the server is shutting down'; });
        })();
        """
    }
}
