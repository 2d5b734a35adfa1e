import Foundation

#if _endian(big)
#error("SafetensorsFile reads little-endian tensor data directly; big-endian hosts are not supported")
#endif

/// A memory-mapped `.safetensors` file: an 8-byte little-endian header length, a JSON header
/// naming each tensor's dtype, shape and byte range, then the raw little-endian tensor data.
///
/// Opening validates the whole header (every range inside the file, byte counts matching the
/// shapes), so a truncated or corrupt download fails here with a clear error rather than as
/// garbage vectors later. Tensor data is only read when asked for.
public struct SafetensorsFile: Sendable {
    /// Element types of the format. Only floating-point tensors can be read as `Float`.
    public enum DType: String, Sendable, CaseIterable {
        case f64 = "F64", f32 = "F32", f16 = "F16", bf16 = "BF16"
        case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8"
        case u64 = "U64", u32 = "U32", u16 = "U16", u8 = "U8"
        case bool = "BOOL", f8e4m3 = "F8_E4M3", f8e5m2 = "F8_E5M2"

        /// Bytes per element.
        public var size: Int {
            switch self {
            case .f64, .i64, .u64: 8
            case .f32, .i32, .u32: 4
            case .f16, .bf16, .i16, .u16: 2
            case .i8, .u8, .bool, .f8e4m3, .f8e5m2: 1
            }
        }
    }

    /// One tensor's header entry.
    public struct TensorInfo: Sendable, Equatable {
        public var name: String
        public var dtype: DType
        public var shape: [Int]
        /// Byte range inside the data section (which starts right after the header).
        public var byteRange: Range<Int>
        public var elementCount: Int { shape.reduce(1, *) }
    }

    /// The largest header the format allows (safetensors refuses anything bigger).
    public static let maximumHeaderSize = 100_000_000

    public let path: String
    /// Every tensor in the file, by name.
    public let tensors: [String: TensorInfo]
    /// The optional `__metadata__` string map.
    public let metadata: [String: String]

    private let file: MappedFile
    private let dataStart: Int

    /// Maps and validates the file at `url`.
    public init(url: URL) throws(SafetensorsError) {
        let file = try MappedFile(path: url.path)
        let path = url.path
        let bytes = file.bytes
        guard bytes.count >= 8 else { throw .truncated(path: path, fileSize: bytes.count, needed: 8) }
        let declared = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
        guard declared <= UInt64(Self.maximumHeaderSize) else {
            throw .headerTooLarge(path: path, declared: declared)
        }
        let headerSize = Int(declared)
        let dataStart = 8 + headerSize
        guard bytes.count >= dataStart else {
            throw .truncated(path: path, fileSize: bytes.count, needed: dataStart)
        }
        let header = Data(UnsafeRawBufferPointer(rebasing: bytes[8..<dataStart]))
        let (tensors, metadata) = try Self.parseHeader(header, path: path, dataSize: bytes.count - dataStart)
        self.path = path
        self.file = file
        self.dataStart = dataStart
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The header entry for `name`, if the file has that tensor.
    public func info(_ name: String) -> TensorInfo? { tensors[name] }

    /// The tensor's elements as `Float`, converted from F16, BF16 or F64 when stored that way.
    /// When `shape` is given the tensor must have exactly that shape.
    public func floats(_ name: String, shape expected: [Int]? = nil) throws(SafetensorsError) -> [Float] {
        guard let info = tensors[name] else { throw .tensorNotFound(path: path, tensor: name) }
        if let expected, expected != info.shape {
            throw .unexpectedShape(path: path, tensor: name, expected: expected, actual: info.shape)
        }
        let source = UnsafeRawBufferPointer(
            rebasing: file.bytes[(dataStart + info.byteRange.lowerBound)..<(dataStart + info.byteRange.upperBound)])
        let count = info.elementCount
        switch info.dtype {
        case .f32:
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                // The data may sit at any byte offset, so copy bytes rather than load Floats.
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
                initialized = count
            }
        case .f16:
            return Self.convert(source, count: count, as: UInt16.self) { HalfPrecision.float(fromHalf: UInt16(littleEndian: $0)) }
        case .bf16:
            return Self.convert(source, count: count, as: UInt16.self) {
                HalfPrecision.float(fromBFloat16: UInt16(littleEndian: $0))
            }
        case .f64:
            return Self.convert(source, count: count, as: UInt64.self) {
                Float(Double(bitPattern: UInt64(littleEndian: $0)))
            }
        default:
            throw .unsupportedDType(path: path, tensor: name, dtype: info.dtype.rawValue)
        }
    }

    private static func convert<Stored: FixedWidthInteger>(
        _ source: UnsafeRawBufferPointer, count: Int, as _: Stored.Type, _ transform: (Stored) -> Float
    ) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            let stride = MemoryLayout<Stored>.size
            for index in 0..<count {
                buffer[index] = transform(source.loadUnaligned(fromByteOffset: index * stride, as: Stored.self))
            }
            initialized = count
        }
    }

    // MARK: - Header

    private struct RawEntry: Decodable {
        var dtype: String?
        var shape: [Int]?
        var dataOffsets: [Int]?

        enum CodingKeys: String, CodingKey {
            case dtype, shape
            case dataOffsets = "data_offsets"
        }
    }

    private struct RawMetadata: Decodable {
        var metadata: [String: String]?
        enum CodingKeys: String, CodingKey { case metadata = "__metadata__" }
    }

    static func parseHeader(
        _ header: Data, path: String, dataSize: Int
    ) throws(SafetensorsError) -> ([String: TensorInfo], [String: String]) {
        let entries: [String: RawEntry]
        let metadata: [String: String]
        do {
            let decoder = JSONDecoder()
            entries = try decoder.decode([String: RawEntry].self, from: header)
            metadata = try decoder.decode(RawMetadata.self, from: header).metadata ?? [:]
        } catch {
            throw .headerNotJSON(path: path, detail: Self.describe(error))
        }
        var tensors: [String: TensorInfo] = [:]
        tensors.reserveCapacity(entries.count)
        for (name, entry) in entries where name != "__metadata__" {
            func invalid(_ reason: String) -> SafetensorsError {
                .invalidTensorEntry(path: path, tensor: name, reason: reason)
            }
            guard let rawType = entry.dtype, let shape = entry.shape, let offsets = entry.dataOffsets else {
                throw invalid("needs dtype, shape and data_offsets")
            }
            guard let dtype = DType(rawValue: rawType) else { throw invalid("unknown dtype \(rawType)") }
            guard offsets.count == 2, offsets[0] >= 0, offsets[0] <= offsets[1] else {
                throw invalid("data_offsets \(offsets) is not a [begin, end] pair")
            }
            var count = 1
            for dimension in shape {
                guard dimension >= 0 else { throw invalid("negative dimension in shape \(shape)") }
                let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
                guard !overflow else { throw invalid("shape \(shape) is too large") }
                count = product
            }
            let (byteCount, overflow) = count.multipliedReportingOverflow(by: dtype.size)
            guard !overflow, byteCount == offsets[1] - offsets[0] else {
                throw invalid("shape \(shape) of \(rawType) needs \(count) elements but data_offsets span "
                    + "\(offsets[1] - offsets[0]) bytes")
            }
            guard offsets[1] <= dataSize else {
                throw .tensorOutOfBounds(path: path, tensor: name, end: offsets[1], dataSize: dataSize)
            }
            tensors[name] = TensorInfo(name: name, dtype: dtype, shape: shape, byteRange: offsets[0]..<offsets[1])
        }
        return (tensors, metadata)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case let DecodingError.dataCorrupted(context): context.debugDescription
        case let DecodingError.typeMismatch(_, context): context.debugDescription
        default: "not a JSON object of tensor entries"
        }
    }
}
