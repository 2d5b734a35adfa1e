import AgriQAAnswering
import AgriQARetrieval
import Foundation

/// Answers and search results leave the server with file names, not the server's own paths: where
/// the index keeps its files is nobody's business but the operator's. The CLI, which runs as the
/// operator, keeps full paths.
extension Citation {
    var withFileName: Citation {
        var copy = self
        copy.path = URL(fileURLWithPath: path).lastPathComponent
        return copy
    }
}

extension Answer {
    var withFileNames: Answer {
        var copy = self
        copy.citations = citations.map(\.withFileName)
        return copy
    }
}

extension SearchResponse {
    var withFileNames: SearchResponse {
        var copy = self
        copy.hits = hits.map { hit in
            var hit = hit
            hit.path = URL(fileURLWithPath: hit.path).lastPathComponent
            return hit
        }
        return copy
    }
}
