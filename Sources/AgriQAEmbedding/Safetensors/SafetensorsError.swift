/// Why a `.safetensors` file could not be read.
public enum SafetensorsError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    /// Shorter than the 8-byte header length, or than the header it declares.
    case truncated(path: String, fileSize: Int, needed: Int)
    /// The declared header length is impossible (larger than the 100 MB the format allows).
    case headerTooLarge(path: String, declared: UInt64)
    case headerNotJSON(path: String, detail: String)
    case invalidTensorEntry(path: String, tensor: String, reason: String)
    case tensorOutOfBounds(path: String, tensor: String, end: Int, dataSize: Int)
    case tensorNotFound(path: String, tensor: String)
    case unsupportedDType(path: String, tensor: String, dtype: String)
    case unexpectedShape(path: String, tensor: String, expected: [Int], actual: [Int])

    public var description: String {
        let redownload = "The file is damaged or incomplete: download it again "
            + "(for the built-in model, delete its folder and run scripts/fetch-model.sh)."
        switch self {
        case let .cannotOpen(path, reason):
            return "Cannot open weights file \(path): \(reason). Check that the path exists and is readable."
        case let .truncated(path, fileSize, needed):
            return "Weights file \(path) is truncated (\(fileSize) bytes, needs at least \(needed)). \(redownload)"
        case let .headerTooLarge(path, declared):
            return "Weights file \(path) declares a \(declared)-byte header, which no safetensors file has. "
                + "It is not a safetensors file or is corrupt. \(redownload)"
        case let .headerNotJSON(path, detail):
            return "Weights file \(path) has an unreadable safetensors header (\(detail)). \(redownload)"
        case let .invalidTensorEntry(path, tensor, reason):
            return "Weights file \(path): tensor '\(tensor)' has an invalid header entry (\(reason)). \(redownload)"
        case let .tensorOutOfBounds(path, tensor, end, dataSize):
            return "Weights file \(path): tensor '\(tensor)' ends at byte \(end) but the data section has only "
                + "\(dataSize) bytes. \(redownload)"
        case let .tensorNotFound(path, tensor):
            return "Weights file \(path) has no tensor '\(tensor)'. The model is not a BERT-architecture "
                + "model this embedder can run; use a BERT-family sentence-embedding model directory."
        case let .unsupportedDType(path, tensor, dtype):
            return "Weights file \(path): tensor '\(tensor)' is stored as \(dtype); only F32, F16, BF16 and F64 "
                + "weights can be used. Convert the model to float32 or float16 safetensors."
        case let .unexpectedShape(path, tensor, expected, actual):
            return "Weights file \(path): tensor '\(tensor)' has shape \(actual) but config.json implies "
                + "\(expected). config.json and model.safetensors come from different models; use a matching pair."
        }
    }
}
