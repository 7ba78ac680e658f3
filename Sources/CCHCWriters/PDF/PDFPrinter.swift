import CCHCCore
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Prints HTML documents to PDF with one headless Chromium, started once for a whole render and
/// always stopped (`stop()`, also after an error), its profile in a private scratch folder. Each
/// print takes a free tab, sets the HTML as its document, waits for its fonts, and prints it
/// with the page sizes its CSS names (A4, landscape appendices, each appendix numbered from 1).
/// Several threads may print at once, each in its own tab.
public final class PDFPrinter: Sendable {
    /// The browser found for `environment`, or `nil`: `$CCHC_CHROMIUM`, else the first of
    /// `chromium`, `chromium-browser`, `google-chrome`, `google-chrome-stable` on `PATH`.
    /// `CCHC_CHROMIUM=none` means no browser: PDF only when asked for, and then refused.
    public static func locate(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let chosen = environment["CCHC_CHROMIUM"], !chosen.isEmpty {
            return chosen != "none" && access(chosen, X_OK) == 0 ? chosen : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in folders where access("\(folder)/\(name)", X_OK) == 0 { return "\(folder)/\(name)" }
        }
        return nil
    }

    /// What keeps a printed page to itself, whatever its template asks for: no script in any
    /// frame; every request, this machine's addresses included, sent to a proxy that does not exist
    /// (a port nothing listens on), so nothing is fetched; frames kept in the page's process, where
    /// each tab's blocking (`takeTab`) applies too. Pages are set as the tab's document, so the
    /// print itself needs no request.
    package static let isolation = [
        "--blink-settings=scriptEnabled=false", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
        "--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process",
        "--no-pings", "--dns-prefetch-disable",
    ]

    /// What `--formats pdf` tells a user whose machine has no browser.
    public static let installHint =
        "install Chromium and the Vietnamese Liberation fonts (Debian: apt install chromium fonts-liberation2), or set CCHC_CHROMIUM to a Chromium or Chrome program; or leave pdf out of --formats"

    private let browser: DevToolsPipe
    private let scratch: ScratchFolder
    private let tabs = Locked<[Tab]>([])  // sessions not printing now
    private let stopped = Atomic<Bool>(false)
    /// The most one document may take to print.
    private let printSeconds: TimeInterval

    /// Starts the browser. `fonts`: a folder of fonts to use before the system's (e.g. the
    /// real Times New Roman); default `$CCHC_FONTS`.
    /// `printSeconds`: the most one document may take to print; past it the render stops with an
    /// error naming the document.
    public init(
        executable: String? = nil, fonts: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        printSeconds: TimeInterval = 60
    ) throws {
        self.printSeconds = printSeconds
        guard let program = executable ?? Self.locate(environment) else { throw PDFError.noBrowser }
        Self.ignoreBrokenPipes()
        scratch = try ScratchFolder("pdf")
        var env = environment
        env["TZ"] = "UTC"  // the dates Chromium writes, replaced afterwards, keep one length
        if let folder = fonts ?? environment["CCHC_FONTS"].flatMap({ $0.isEmpty ? nil : URL(fileURLWithPath: $0) }) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                scratch.remove()
                throw PDFError.noFonts(folder.path)
            }
            env["FONTCONFIG_FILE"] = try Self.fontConfig(adding: folder, in: scratch.url).path
        }
        var arguments =
            [
                "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--disable-component-update", "--mute-audio",
                "--hide-scrollbars", "--font-render-hinting=none", "--user-data-dir=\(scratch.url.path)/profile",
            ] + Self.isolation + ["about:blank"]
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 0) }  // Chromium refuses its sandbox as root
        let started: DevToolsPipe
        do { started = try DevToolsPipe(executable: program, arguments: arguments, environment: env) } catch {
            scratch.remove()
            throw error
        }
        let folder = scratch.url.path
        Self.running.withLock { $0[started.pid] = folder }
        FaultPoint.reached("browser-started")
        do { _ = try started.call("Browser.getVersion", timeout: 60) } catch {
            started.stop()
            _ = Self.running.withLock { $0.removeValue(forKey: started.pid) }
            scratch.remove()
            throw error
        }
        browser = started
    }

    deinit { stop() }

    /// Closes the browser and removes its scratch folder; a second call does nothing.
    public func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        browser.stop()
        _ = Self.running.withLock { $0.removeValue(forKey: browser.pid) }
        scratch.remove()
    }

    /// The PDF of `html`, its creation and modification dates set to `date` (so the same
    /// document gives the same bytes). The HTML is set as the tab's document (no file, no
    /// navigation: loading each page from a file made Chromium start a new page process now and
    /// then, which cost half a second each time), then printed once its fonts are ready.
    /// `document` names it in an error (its path in the output).
    public func print(_ html: [UInt8], date: PDFDate, document: String = "the document") throws -> [UInt8] {
        let tab = try takeTab()
        let deadline = Date(timeIntervalSinceNow: printSeconds)
        func call(_ method: String, _ params: [String: Any]) throws -> [String: Any] {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw PDFError.timedOut(document, Int(printSeconds)) }
            do { return try browser.call(method, params, session: tab.session, timeout: left) } catch PDFError.browser(
                _, let reason) where reason.hasPrefix("no answer in")
            {
                throw PDFError.timedOut(document, Int(printSeconds))
            }
        }
        let printed: [String: Any]
        do {
            _ = try call("Page.setDocumentContent", ["frameId": tab.frame, "html": String(decoding: html, as: UTF8.self)])
            _ = try call(
                "Runtime.evaluate",
                ["expression": "document.fonts.ready.then(() => true)", "awaitPromise": true, "returnByValue": true])
            printed = try call(
                "Page.printToPDF",
                ["preferCSSPageSize": true, "printBackground": true, "displayHeaderFooter": false, "generateTaggedPDF": false])
        } catch {
            // A tab that failed or is still busy with a page is closed, never given to another print.
            _ = try? browser.call("Target.closeTarget", ["targetId": tab.target], timeout: 5)
            throw error
        }
        tabs.withLock { $0.append(tab) }
        guard let encoded = printed["data"] as? String, let data = Data(base64Encoded: encoded) else {
            throw PDFError.browser("Page.printToPDF", "no PDF in the answer")
        }
        return date.stamp([UInt8](data))
    }

    /// A tab no other print is using, opened when every one is busy: its session and the id
    /// of its page's frame.
    private func takeTab() throws -> Tab {
        if let free = tabs.withLock({ $0.popLast() }) { return free }
        let target = try browser.call("Target.createTarget", ["url": "about:blank"])
        guard let id = target["targetId"] as? String else { throw PDFError.browser("Target.createTarget", "no target id") }
        let attached = try browser.call("Target.attachToTarget", ["targetId": id, "flatten": true])
        guard let session = attached["sessionId"] as? String else {
            throw PDFError.browser("Target.attachToTarget", "no session id")
        }
        let tree = try browser.call("Page.getFrameTree", session: session)
        guard let frame = ((tree["frameTree"] as? [String: Any])?["frame"] as? [String: Any])?["id"] as? String else {
            throw PDFError.browser("Page.getFrameTree", "no frame id")
        }
        // The page is the template's output: it runs no script and loads nothing, whatever the
        // template asks for (an image, a stylesheet, a frame, a font, a local file).
        _ = try browser.call("Emulation.setScriptExecutionDisabled", ["value": true], session: session)
        _ = try browser.call("Network.enable", session: session)
        _ = try browser.call("Network.setBlockedURLs", ["urls": ["*"]], session: session)
        return Tab(target: id, session: session, frame: frame)
    }

    /// A tab: its DevTools session and its page's frame.
    package struct Tab {
        package var target: String
        package var session: String
        package var frame: String
    }

    /// A fontconfig file: the system's fonts and `folder`, whose fonts come first.
    private static func fontConfig(adding folder: URL, in scratch: URL) throws -> URL {
        var escaped = ""
        Escape.append(folder.standardizedFileURL.path, to: &escaped)
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig>
            <dir>\(escaped)</dir>
            <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
            <cachedir>\(scratch.path)/fontconfig</cachedir>
            </fontconfig>

            """
        let url = scratch.appendingPathComponent("fonts.conf")
        try Data(text.utf8).write(to: url)
        return url
    }
}
