import CCHCCore
import CSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A browser started with `--remote-debugging-pipe`, and the Chrome DevTools protocol spoken
/// over its descriptors 3 and 4: each message one JSON object ended by a NUL byte. Calls may be
/// made from several threads at once; a reader thread hands each answer to its caller by id.
package final class DevToolsPipe: @unchecked Sendable {
    package let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let writing = Locked(0)  // the next call's id
    private let answers = NSCondition()
    private var answered: [Int: Message] = [:]  // guarded by `answers`
    private var closed = false  // guarded by `answers`

    /// One decoded message: an answer's `result` or `error`.
    package struct Message: @unchecked Sendable {
        package var object: [String: Any]
    }

    /// Starts `executable` with `arguments` (the pipe flag added) and `environment`.
    package init(executable: String, arguments: [String], environment: [String: String]) throws {
        let argv = [executable] + arguments + ["--remote-debugging-pipe"]
        let envp = environment.map { "\($0.key)=\($0.value)" }.sorted()
        var to: Int32 = -1
        var from: Int32 = -1
        var child: Int32 = 0
        let rc = withCStrings(argv) { a in withCStrings(envp) { e in cchc_spawn_piped(executable, a, e, &to, &from, &child) } }
        guard rc == 0 else { throw PDFError.cannotStart(executable, String(cString: strerror(errno))) }
        (pid, toBrowser, fromBrowser) = (child, to, from)
        let thread = Thread { [unowned self] in self.readAnswers() }
        thread.name = "cchc-devtools"
        thread.start()
    }

    /// Sends `method` with `params` (to the page of `session`, or to the browser) and waits for
    /// its answer; the protocol's error comes back as `PDFError.browser`.
    package func call(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: TimeInterval = 120)
        throws -> [String: Any]
    {
        let id = writing.withLock { next -> Int in
            next += 1
            return next
        }
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        try writing.withLock { _ in try writeAll(bytes) }
        let deadline = Date(timeIntervalSinceNow: timeout)
        answers.lock()
        defer { answers.unlock() }
        while answered[id] == nil {
            if closed { throw PDFError.browser(method, "the browser closed its end of the pipe") }
            guard answers.wait(until: deadline) else { throw PDFError.browser(method, "no answer in \(Int(timeout)) s") }
        }
        let answer = answered.removeValue(forKey: id)!.object
        if let error = answer["error"] as? [String: Any] {
            throw PDFError.browser(method, error["message"] as? String ?? "\(error)")
        }
        return answer["result"] as? [String: Any] ?? [:]
    }

    /// Asks the browser to close, waits for it briefly, then kills it: the browser never outlives
    /// the render, also when the render failed.
    package func stop() {
        _ = try? call("Browser.close", timeout: 5)
        close(toBrowser)
        var status: Int32 = 0
        for _ in 0..<50 {
            if waitpid(pid, &status, WNOHANG) == pid { return finishReader() }
            usleep(100_000)
        }
        Self.kill(pid)
        finishReader()
    }

    /// Kills the browser `pid` and its helpers (its process group) and waits until none is left
    /// (2 s at most), so that none writes into its folder after that is removed.
    package static func kill(_ pid: pid_t) {
        Glibc.kill(-pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        for _ in 0..<40 where Glibc.kill(-pid, 0) == 0 { usleep(50_000) }
    }

    private func finishReader() {
        answers.lock()
        while !closed { answers.wait() }
        answers.unlock()
        close(fromBrowser)
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw PDFError.browser("write", String(cString: strerror(errno))) }
            sent += n
        }
    }

    /// The reader thread: splits what arrives at each NUL and keeps the answers (events are
    /// not asked for and are dropped).
    private func readAnswers() {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var searched = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fromBrowser, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            pending.append(contentsOf: buffer[0..<n])
            var start = 0
            while let end = pending[searched...].firstIndex(of: 0) {
                let body = Data(pending[start..<end])
                if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let id = object["id"] as? Int {
                    answers.lock()
                    answered[id] = Message(object: object)
                    answers.broadcast()
                    answers.unlock()
                }
                start = end + 1
                searched = start
            }
            if start > 0 {
                pending.removeFirst(start)
            }
            searched = pending.count
        }
        answers.lock()
        closed = true
        answers.broadcast()
        answers.unlock()
    }
}

/// `body` with `strings` as a NULL-terminated C array.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return body(pointers)
}
