import Foundation
import GRDB

extension KnowledgeIndex {
    /// Gazetteer files used when ingesting into this index, so searches resolve the same places.
    public func rememberedGazetteers() throws(IndexError) -> [String] {
        try read { db in
            guard let json = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'gazetteers'") else { return [] }
            return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
        }
    }

    /// Adds absolute paths of gazetteer files to the remembered list.
    public func rememberGazetteers(_ paths: [String]) throws(IndexError) {
        guard !paths.isEmpty else { return }
        let absolute = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let merged = try rememberedGazetteers()
        let all = merged + absolute.filter { !merged.contains($0) }
        try writeTransaction { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('gazetteers', ?)", arguments: [Self.json(all)])
        }
    }
}
