import Foundation

/// Writes small `.safetensors` files for tests.
struct SafetensorsWriter {
    enum Storage {
        case f32([Float])
        case f16([UInt16])
        case bf16([UInt16])
        case f64([Double])
        case i64([Int64])

        var dtype: String {
            switch self {
            case .f32: "F32"
            case .f16: "F16"
            case .bf16: "BF16"
            case .f64: "F64"
            case .i64: "I64"
            }
        }

        var bytes: Data {
            switch self {
            case let .f32(values): values.withUnsafeBytes { Data($0) }
            case let .f16(values), let .bf16(values): values.withUnsafeBytes { Data($0) }
            case let .f64(values): values.withUnsafeBytes { Data($0) }
            case let .i64(values): values.withUnsafeBytes { Data($0) }
            }
        }
    }

    private var tensors: [(name: String, shape: [Int], storage: Storage)] = []
    var metadata: [String: String] = ["format": "pt"]

    mutating func add(_ name: String, shape: [Int], _ storage: Storage) {
        tensors.append((name, shape, storage))
    }

    mutating func add(_ name: String, shape: [Int], floats: [Float]) {
        add(name, shape: shape, .f32(floats))
    }

    /// The file's bytes: header length, JSON header padded with spaces to 8 bytes, data.
    func data() -> Data {
        var entries: [String] = []
        var body = Data()
        if !metadata.isEmpty {
            let pairs = metadata.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }
            entries.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        for tensor in tensors {
            let bytes = tensor.storage.bytes
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\"\(tensor.name)\":{\"dtype\":\"\(tensor.storage.dtype)\",\"shape\":[\(shape)],"
                + "\"data_offsets\":[\(body.count),\(body.count + bytes.count)]}")
            body.append(bytes)
        }
        var header = Data(("{" + entries.joined(separator: ",") + "}").utf8)
        while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
        var file = Data()
        var length = UInt64(header.count).littleEndian
        withUnsafeBytes(of: &length) { file.append(contentsOf: $0) }
        file.append(header)
        file.append(body)
        return file
    }

    func write(to url: URL) throws {
        try data().write(to: url)
    }
}

/// A file made of a header length (the header's own unless given), the header text and data.
func rawSafetensors(headerLength: UInt64? = nil, header: String, data: Data = Data()) -> Data {
    var file = Data()
    var length = (headerLength ?? UInt64(header.utf8.count)).littleEndian
    withUnsafeBytes(of: &length) { file.append(contentsOf: $0) }
    file.append(Data(header.utf8))
    file.append(data)
    return file
}
