import CoevoFiles
import Foundation
import CoevoExperiments
import CoevoModel

/// The "new run" form, generated from `Parameters.registry`: one input per parameter with its
/// unit, valid range and help, placeholders showing the selected scenario's value (empty fields
/// keep it), and the server's messages next to the fields they concern.
enum ParameterForm {
    /// Parameters shown above the folded groups.
    static let prominent = ["firms", "periods"]

    static func render(values: [String: String] = [:], errors: SubmissionErrors? = nil) -> String {
        let selected = values["scenario"].flatMap { Scenario.builtIn(named: $0) } ?? Scenario.builtIn[0]
        var h = "<form class=\"run\" id=\"run-form\" method=\"post\" action=\"/runs\" novalidate>\n"
        if let errors {
            h += "<div class=\"errors\" id=\"form-errors\">\n"
            var shown = Set<String>()
            for e in errors.errors where shown.insert(e.message).inserted {
                h += "<p>\(Page.escape(e.message))</p>\n"
            }
            h += "</div>\n"
        }
        h += "<fieldset>\n<legend>Run</legend>\n"
        h += "<div class=\"field\"><label for=\"f-scenario\">scenario</label><select id=\"f-scenario\" name=\"scenario\">"
        for s in Scenario.builtIn {
            h += "<option value=\"\(Page.escape(s.name))\"\(s.name == selected.name ? " selected" : "")>\(Page.escape(s.name))</option>"
        }
        h += "</select><span class=\"meta\">built-in scenario; the fields below change it</span>"
        h += errorLine(errors?.message(for: "scenario")) + "</div>\n"
        h += "<div class=\"field\"><label for=\"f-seed\">seed</label><input id=\"f-seed\" name=\"seed\" type=\"text\" inputmode=\"numeric\" value=\"\(Page.escape(values["seed"] ?? "1"))\">"
        h += "<span class=\"meta\">random seed (integer ≥ 0)</span>" + errorLine(errors?.message(for: "seed")) + "</div>\n"
        for key in prominent { if let info = Parameters.registryByKey[key] { h += field(info, selected, values, errors) } }
        h += "<p><button type=\"submit\" id=\"start-run\">Start run</button></p>\n</fieldset>\n"
        h += "<p class=\"meta\">All other parameters, by group (empty = the scenario's value):</p>\n"
        for (group, infos) in groups() {
            let open = infos.contains { errors?.message(for: $0.key) != nil }
            h += "<details\(open ? " open" : "")><summary>\(Page.escape(group)) (\(infos.count))</summary>\n"
            for info in infos { h += field(info, selected, values, errors) }
            h += "</details>\n"
        }
        h += "</form>\n"
        return h
    }

    /// Registry parameters other than the prominent ones, grouped by the prefix before the first
    /// dot (keys without a dot form the group "run"), in registry order.
    static func groups() -> [(String, [ParameterInfo])] {
        var order: [String] = []
        var byGroup: [String: [ParameterInfo]] = [:]
        // Per-region lever weights (100 keys) stay out of the form: YAML and --set reach them.
        for info in Parameters.registry where !prominent.contains(info.key) && !Parameters.isRegionalPolicyWeight(info.key) {
            let group = info.key.split(separator: ".", maxSplits: 1).count > 1 ? String(info.key.split(separator: ".")[0]) : "run"
            if byGroup[group] == nil { order.append(group) }
            byGroup[group, default: []].append(info)
        }
        return order.map { ($0, byGroup[$0]!) }
    }

    static func rangeText(_ info: ParameterInfo) -> String {
        func f(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)" }
        return "[\(f(info.range.lowerBound)), \(f(info.range.upperBound))]"
    }

    static func field(_ info: ParameterInfo, _ scenario: Scenario, _ values: [String: String], _ errors: SubmissionErrors?) -> String {
        let id = "f-" + info.key.replacingOccurrences(of: ".", with: "-")
        let name = Page.escape(info.key)
        let current = info.text(in: scenario.parameters)
        let value = values[info.key] ?? ""
        var h = "<div class=\"field\"><label for=\"\(id)\" title=\"\(Page.escape(info.help))\">\(name)</label>"
        switch info.kind {
        case .boolean:
            h += "<select id=\"\(id)\" name=\"\(name)\" data-key=\"\(name)\"><option value=\"\">(\(Page.escape(current)))</option>"
            for v in ["true", "false"] { h += "<option value=\"\(v)\"\(value == v ? " selected" : "")>\(v)</option>" }
            h += "</select>"
        case .integer, .real:
            h += "<input id=\"\(id)\" name=\"\(name)\" data-key=\"\(name)\" type=\"text\" inputmode=\"decimal\" placeholder=\"\(Page.escape(current))\" value=\"\(Page.escape(value))\">"
        }
        let unit = info.unit == "–" ? "" : " <b>\(Page.escape(info.unit))</b>"
        h += "<span class=\"meta\">\(Page.escape(info.typeName)) in \(Page.escape(rangeText(info)))\(unit) — \(Page.escape(info.help))</span>"
        h += errorLine(errors?.message(for: info.key))
        return h + "</div>\n"
    }

    static func errorLine(_ message: String?) -> String {
        guard let message else { return "" }
        return "<div class=\"error\">\(Page.escape(message))</div>"
    }

    /// Each scenario's parameter values as text (JSON), so the page can show the selected
    /// scenario's values as placeholders.
    static func scenarioValuesJSON() -> String {
        var parts: [String] = []
        for s in Scenario.builtIn {
            let values = Parameters.registry.map { "\(jsonString($0.key)):\(jsonString($0.text(in: s.parameters)))" }
            parts.append("\(jsonString(s.name)):{\(values.joined(separator: ","))}")
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    static func jsonString(_ s: String) -> String { JSONText.quoted(s, forHTML: true) }

    /// Updates placeholders when the scenario changes.
    static let script = """
    (function () {
      var sel = document.getElementById('f-scenario');
      var values = JSON.parse(document.getElementById('scenario-values').textContent);
      function show() {
        var v = values[sel.value] || {};
        document.querySelectorAll('[data-key]').forEach(function (el) {
          var k = el.getAttribute('data-key');
          if (!(k in v)) return;
          if (el.tagName === 'SELECT') el.options[0].textContent = '(' + v[k] + ')';
          else el.placeholder = v[k];
        });
      }
      sel.addEventListener('change', show);
      show();
    })();
    """
}
