import AgriQAEmbedding
import Foundation
import Testing

struct SafetensorsFileTests {
    private func file(_ data: Data) throws -> (URL, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let url = directory.url.appending(path: "model.safetensors")
        try data.write(to: url)
        return (url, directory)
    }

    @Test func readsHeaderMetadataAndFloatTensors() throws {
        var writer = SafetensorsWriter()
        writer.metadata = ["format": "pt", "note": "tiny"]
        writer.add("a", shape: [2, 3], floats: [1, 2, 3, 4, 5, 6])
        writer.add("scalar", shape: [], floats: [7.5])
        writer.add("ids", shape: [3], .i64([0, 1, 2]))
        let (url, directory) = try file(writer.data())
        defer { directory.remove() }

        let weights = try SafetensorsFile(url: url)
        #expect(weights.metadata == ["format": "pt", "note": "tiny"])
        #expect(Set(weights.tensors.keys) == ["a", "scalar", "ids"])
        let info = try #require(weights.info("a"))
        #expect(info.dtype == .f32 && info.shape == [2, 3] && info.elementCount == 6 && info.byteRange == 0..<24)
        #expect(try weights.floats("a") == [1, 2, 3, 4, 5, 6])
        #expect(try weights.floats("a", shape: [2, 3]) == [1, 2, 3, 4, 5, 6])
        #expect(try weights.floats("scalar") == [7.5])
    }

    @Test func convertsHalfBFloatAndDoubleToFloat() throws {
        // F16: 1, -2.5, 65504 (largest), 2^-24 (smallest subnormal), +inf, -0.
        let halves: [UInt16] = [0x3C00, 0xC100, 0x7BFF, 0x0001, 0x7C00, 0x8000]
        // BF16: the upper halves of 1, -2.5 and 3.140625.
        let bfloats: [UInt16] = [0x3F80, 0xC020, 0x4049]
        var writer = SafetensorsWriter()
        writer.add("half", shape: [6], .f16(halves))
        writer.add("bfloat", shape: [3], .bf16(bfloats))
        writer.add("double", shape: [2], .f64([0.25, -1e-3]))
        let (url, directory) = try file(writer.data())
        defer { directory.remove() }

        let weights = try SafetensorsFile(url: url)
        let half = try weights.floats("half")
        #expect(Array(half[0..<4]) == [1, -2.5, 65504, 0x1p-24])
        #expect(half[4] == .infinity)
        #expect(half[5] == 0 && half[5].sign == .minus)
        #expect(try weights.floats("bfloat") == [1, -2.5, 3.140625])
        #expect(try weights.floats("double") == [0.25, Float(-1e-3)])
    }

    @Test func tensorErrorsNameTheTensor() throws {
        var writer = SafetensorsWriter()
        writer.add("a", shape: [2], floats: [1, 2])
        writer.add("ids", shape: [1], .i64([3]))
        let (url, directory) = try file(writer.data())
        defer { directory.remove() }
        let weights = try SafetensorsFile(url: url)

        #expect(throws: SafetensorsError.tensorNotFound(path: url.path, tensor: "missing")) { try weights.floats("missing") }
        #expect(throws: SafetensorsError.unsupportedDType(path: url.path, tensor: "ids", dtype: "I64")) {
            try weights.floats("ids")
        }
        #expect(throws: SafetensorsError.unexpectedShape(path: url.path, tensor: "a", expected: [3], actual: [2])) {
            try weights.floats("a", shape: [3])
        }
    }

    @Test(arguments: [
        ("shorter than the length field", Data([1, 2, 3]), "truncated"),
        ("header longer than the file", rawSafetensors(headerLength: 400, header: "{}"), "truncated"),
        ("absurd header length", rawSafetensors(headerLength: UInt64.max, header: "{}"), "headerTooLarge"),
        ("header is not JSON", rawSafetensors(header: "not json"), "headerNotJSON"),
        ("header is a JSON array", rawSafetensors(header: "[1,2,3] "), "headerNotJSON"),
        ("entry without offsets", rawSafetensors(header: #"{"a":{"dtype":"F32","shape":[1]}}"#),
         "invalidTensorEntry"),
        ("unknown dtype", rawSafetensors(header: #"{"a":{"dtype":"Q4","shape":[1],"data_offsets":[0,4]}}"#,
                                        data: Data(count: 4)), "invalidTensorEntry"),
        ("byte count does not match the shape",
         rawSafetensors(header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#,
                        data: Data(count: 8)), "invalidTensorEntry"),
        ("data cut short", rawSafetensors(header: #"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#,
                                         data: Data(count: 10)), "tensorOutOfBounds"),
    ])
    func corruptFilesFailWithATypedError(label: String, bytes: Data, kind: String) throws {
        let (url, directory) = try file(bytes)
        defer { directory.remove() }
        do {
            _ = try SafetensorsFile(url: url)
            Issue.record("\(label): opened without error")
        } catch {
            #expect(caseName(error) == kind, "\(label): \(error)")
            #expect(error.description.contains("download it again") || error.description.contains("damaged"),
                    "\(label): the message should say what to do: \(error.description)")
        }
    }

    private func caseName(_ error: SafetensorsError) -> String {
        switch error {
        case .cannotOpen: "cannotOpen"
        case .truncated: "truncated"
        case .headerTooLarge: "headerTooLarge"
        case .headerNotJSON: "headerNotJSON"
        case .invalidTensorEntry: "invalidTensorEntry"
        case .tensorOutOfBounds: "tensorOutOfBounds"
        case .tensorNotFound: "tensorNotFound"
        case .unsupportedDType: "unsupportedDType"
        case .unexpectedShape: "unexpectedShape"
        }
    }

    @Test func missingFileSaysSo() {
        #expect(throws: SafetensorsError.self) {
            try SafetensorsFile(url: URL(fileURLWithPath: "/nonexistent/model.safetensors"))
        }
    }

    @Test(.enabled(if: InstalledModel.isAvailable, Comment(rawValue: InstalledModel.skipMessage)))
    func realModelHeaderParses() throws {
        let weights = try SafetensorsFile(url: InstalledModel.directory.appending(path: "model.safetensors"))
        #expect(weights.info("embeddings.word_embeddings.weight")?.shape == [30522, 384])
        #expect(weights.tensors.count > 100)
    }
}
