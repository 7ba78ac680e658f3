import CCHCCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP listener on 127.0.0.1 that counts the connections made to it and keeps what they sent:
/// the witness that a hostile template or store sends nothing anywhere. It answers nothing, reads
/// each connection for at most a second, and stops with `stop()`.
package final class LoopbackListener: @unchecked Sendable {
    package let port: UInt16
    private let socket: Int32
    private let received = Locked<[String]>([])
    /// Signalled when the accepting thread has ended.
    private let ended = DispatchSemaphore(value: 0)
    private let stopped = Locked(false)
    /// Signalled when the accepting thread reaches a connection of `settle()`.
    private let settled = DispatchSemaphore(value: 0)
    private static let sentinel = "cchc-settle"

    package init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.socket = socket
        guard socket >= 0 else { throw CocoaError(.fileWriteUnknown) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket, 16) == 0 else { throw CocoaError(.fileWriteUnknown) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let (received, ended, settled) = (self.received, self.ended, self.settled)
        let worker = Thread {
            defer { ended.signal() }
            while true {
                let client = accept(socket, nil, nil)
                if client < 0 { return }
                var timeout = timeval(tv_sec: 1, tv_usec: 0)
                setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                var bytes = [UInt8](repeating: 0, count: 65536)
                let n = read(client, &bytes, bytes.count)
                let request = String(decoding: bytes.prefix(max(0, n)), as: UTF8.self)
                close(client)
                if request == Self.sentinel {
                    settled.signal()
                } else {
                    received.withLock { $0.append(request) }
                }
            }
        }
        worker.start()
    }

    /// `http://127.0.0.1:<port>`.
    package var url: String { "http://127.0.0.1:\(port)" }

    /// What each connection sent, in order; empty when nothing reached the listener.
    package var requests: [String] { received.withLock { $0 } }

    /// Returns once every connection made before it has been read: it connects itself and waits
    /// until the accepting thread, which takes connections in the order they came, reaches it.
    /// A barrier for "nothing was sent", in place of a pause.
    @discardableResult package func settle() -> Bool {
        guard send(Self.sentinel) else { return false }
        return settled.wait(timeout: .now() + 30) == .success
    }

    /// Connects to the listener and sends `text` (as a fetch would); false when it cannot.
    @discardableResult package func send(_ text: String) -> Bool {
        let client = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard client >= 0 else { return false }
        defer { close(client) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return false }
        _ = text.withCString { write(client, $0, strlen($0)) }
        shutdown(client, Int32(SHUT_WR))
        return true
    }

    /// Stops accepting: the accepting thread ends before the socket is closed.
    package func stop() {
        guard
            !stopped.withLock({ was in
                defer { was = true }
                return was
            })
        else { return }
        shutdown(socket, Int32(SHUT_RDWR))
        _ = ended.wait(timeout: .now() + 5)
        close(socket)
    }

    deinit { stop() }
}
