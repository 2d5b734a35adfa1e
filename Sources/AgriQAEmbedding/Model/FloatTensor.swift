/// An immutable array of floats at a fixed address, so the forward pass can hand raw pointers
/// to OpenBLAS without closures or optional base addresses.
final class FloatTensor: @unchecked Sendable {
    // @unchecked: the storage is written once in `init` and only read afterwards.

    let pointer: UnsafePointer<Float>
    let count: Int

    init(_ values: [Float]) {
        let storage = UnsafeMutablePointer<Float>.allocate(capacity: max(1, values.count))
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { storage.initialize(from: base, count: values.count) }
        }
        if values.isEmpty { storage.initialize(to: 0) }
        pointer = UnsafePointer(storage)
        count = values.count
    }

    deinit {
        UnsafeMutablePointer(mutating: pointer).deallocate()
    }
}
