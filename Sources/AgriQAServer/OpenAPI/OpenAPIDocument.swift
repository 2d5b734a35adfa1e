/// The OpenAPI 3.1 description of every route (`GET /openapi.json`). A test checks that its paths
/// and methods are exactly the routes the router serves.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "AgriQA",
    "version": "0.2.0",
    "description": "Location-aware agricultural question answering: grounded, cited answers from an index of extension bulletins, crop guides, research articles and call-centre Q&A. Read endpoints need an API key only when the server is configured so; write endpoints always do (Authorization: Bearer KEY or X-API-Key: KEY). Errors are JSON: {\"error\": {\"status\", \"code\", \"message\", \"field\", \"suggestions\"}}."
  },
  "components": {
    "securitySchemes": {
      "bearer": {"type": "http", "scheme": "bearer"},
      "apiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"}
    },
    "responses": {
      "BadRequest": {"description": "Malformed body, invalid field or unknown location (with suggestions)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unauthorized": {"description": "API key missing", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Forbidden": {"description": "API key wrong, or writes disabled", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "No such resource", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "TooLarge": {"description": "Body larger than the limit", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "UnsupportedMediaType": {"description": "Wrong content type", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Timeout": {"description": "The request took longer than the server's limit", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "Error": {
        "type": "object", "required": ["error"],
        "properties": {"error": {"type": "object", "required": ["status", "code", "message"], "properties": {
          "status": {"type": "integer"}, "code": {"type": "string"}, "message": {"type": "string"},
          "field": {"type": "string"}, "suggestions": {"type": "array", "items": {"type": "string"}}}}}
      },
      "Turn": {"type": "object", "required": ["role", "content"], "properties": {
        "role": {"type": "string", "enum": ["user", "assistant", "system"]}, "content": {"type": "string"}}},
      "AskRequest": {
        "type": "object", "required": ["question"],
        "properties": {
          "question": {"type": "string", "minLength": 1, "maxLength": 2000},
          "location": {"type": ["string", "null"], "description": "Region code (US-WA, IN-TN), place name (\"Pierce County, Washington\") or \"lat,lon\""},
          "history": {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/Turn"}, "maxItems": 50},
          "k": {"type": ["integer", "null"], "minimum": 1, "maximum": 50},
          "stream": {"type": ["boolean", "null"]},
          "mode": {"type": ["string", "null"], "enum": ["auto", "model", "extractive", null]}
        }
      },
      "Citation": {
        "type": "object",
        "properties": {
          "number": {"type": "integer"}, "chunkID": {"type": "integer"}, "documentID": {"type": "integer"},
          "title": {"type": "string"}, "path": {"type": "string"}, "pageLabel": {"type": ["string", "null"]},
          "pageStart": {"type": ["integer", "null"]}, "pageEnd": {"type": ["integer", "null"]},
          "section": {"type": "string"}, "snippet": {"type": "string"},
          "regions": {"type": "array", "items": {"type": "string"}},
          "relation": {"type": "string", "enum": ["same", "parent", "child", "none", "other"]},
          "used": {"type": "boolean"}
        }
      },
      "Answer": {
        "type": "object",
        "properties": {
          "question": {"type": "string"}, "answer": {"type": "string"},
          "citations": {"type": "array", "items": {"$ref": "#/components/schemas/Citation"}},
          "location": {"type": ["object", "null"], "properties": {"code": {"type": "string"}, "name": {"type": "string"}}},
          "mode": {"type": "string", "enum": ["model", "extractive", "extractive-fallback"]},
          "model": {"type": ["string", "null"]}, "standaloneQuestion": {"type": "string"},
          "regionNote": {"type": ["string", "null"]},
          "warnings": {"type": "array", "items": {"type": "string"}},
          "removedCitations": {"type": "array", "items": {"type": "integer"}},
          "uncited": {"type": "boolean"},
          "notices": {"type": "array", "items": {"type": "string"}},
          "timings": {"type": "object", "properties": {
            "rewriteMs": {"type": "number"}, "retrievalMs": {"type": "number"}, "generationMs": {"type": "number"}, "totalMs": {"type": "number"}}}
        }
      },
      "SearchRequest": {
        "type": "object", "required": ["question"],
        "properties": {
          "question": {"type": "string", "minLength": 1, "maxLength": 2000}, "location": {"type": ["string", "null"]},
          "k": {"type": ["integer", "null"], "minimum": 1, "maximum": 100},
          "mode": {"type": ["string", "null"], "enum": ["hybrid", "bm25", "dense", null]},
          "perDocument": {"type": ["integer", "null"], "minimum": 1}
        }
      },
      "SearchResponse": {
        "type": "object",
        "properties": {
          "question": {"type": "string"}, "mode": {"type": "string"},
          "location": {"type": ["object", "null"]},
          "hits": {"type": "array", "items": {"type": "object"}},
          "notices": {"type": "array", "items": {"type": "string"}}
        }
      },
      "Document": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"}, "title": {"type": "string"}, "fileName": {"type": "string"}, "kind": {"type": "string"},
          "pages": {"type": "integer"}, "imageOnlyPages": {"type": "integer"}, "chunks": {"type": "integer"}, "bytes": {"type": "integer"},
          "regions": {"type": "array", "items": {"type": "object", "properties": {"code": {"type": "string"}, "weight": {"type": "number"}}}},
          "warnings": {"type": "array", "items": {"type": "string"}}, "ingestedAt": {"type": "string", "format": "date-time"}
        }
      },
      "Job": {
        "type": "object",
        "properties": {
          "id": {"type": "string"}, "status": {"type": "string", "enum": ["queued", "running", "succeeded", "failed"]},
          "fileName": {"type": "string"}, "bytes": {"type": "integer"},
          "createdAt": {"type": "string"}, "startedAt": {"type": "string"}, "finishedAt": {"type": "string"},
          "summary": {"type": "object"}, "error": {"type": "string"}
        }
      },
      "Region": {
        "type": "object",
        "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "level": {"type": "string"},
          "parent": {"type": ["string", "null"]}, "label": {"type": "string"}}
      },
      "ChatCompletionRequest": {
        "type": "object", "required": ["messages"],
        "properties": {
          "model": {"type": "string"},
          "messages": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["role"], "properties": {
            "role": {"type": "string", "enum": ["system", "user", "assistant", "developer", "tool"]},
            "content": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "object", "required": ["type"], "properties": {"type": {"type": "string"}, "text": {"type": "string"}}}}]}}}},
          "stream": {"type": "boolean"},
          "stream_options": {"type": "object", "properties": {"include_usage": {"type": "boolean"}}},
          "location": {"type": "string", "description": "The asker's location, as in /v1/ask"},
          "agriqa": {"type": "object", "properties": {"location": {"type": "string"}, "k": {"type": "integer", "minimum": 1, "maximum": 50}, "mode": {"type": "string", "enum": ["auto", "model", "extractive"]}}}
        }
      }
    }
  },
  "security": [{}, {"bearer": []}, {"apiKeyHeader": []}],
  "paths": {
    "/": {"get": {"operationId": "webPage", "summary": "The farmers' web page", "security": [], "responses": {"200": {"description": "HTML", "content": {"text/html": {}}}}}},
    "/healthz": {"get": {"operationId": "health", "summary": "The process answers", "security": [], "responses": {"200": {"description": "OK", "content": {"application/json": {}}}}}},
    "/readyz": {"get": {"operationId": "ready", "summary": "Index readable; model reachable or extractive fallback active", "security": [], "responses": {"200": {"description": "Ready", "content": {"application/json": {}}}, "503": {"description": "Not ready", "content": {"application/json": {}}}}}},
    "/metrics": {"get": {"operationId": "metrics", "summary": "Prometheus metrics", "security": [], "responses": {"200": {"description": "Prometheus text format", "content": {"text/plain": {}}}}}},
    "/openapi.json": {"get": {"operationId": "openapi", "summary": "This document", "security": [], "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}}}},
    "/v1/ask": {"post": {
      "operationId": "ask", "summary": "A grounded, cited answer for the asker's location",
      "description": "With stream=true or Accept: text/event-stream, server-sent events: `sources` ({sources: [Citation]}), `delta` ({text}) …, `done` (the Answer), or `error`.",
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AskRequest"}}}},
      "responses": {"200": {"description": "The answer", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Answer"}}, "text/event-stream": {}}},
        "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
        "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"}, "504": {"$ref": "#/components/responses/Timeout"}}}},
    "/v1/search": {"post": {
      "operationId": "search", "summary": "Ranked chunks (as agriqa search --json)",
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchRequest"}}}},
      "responses": {"200": {"description": "Results", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
        "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"}, "504": {"$ref": "#/components/responses/Timeout"}}}},
    "/v1/documents": {
      "get": {"operationId": "listDocuments", "summary": "The indexed documents",
        "responses": {"200": {"description": "Documents", "content": {"application/json": {"schema": {"type": "object", "properties": {"documents": {"type": "array", "items": {"$ref": "#/components/schemas/Document"}}}}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}},
      "post": {"operationId": "uploadDocument", "summary": "Upload a PDF or Q&A records; ingested by a worker process",
        "description": "The raw file is the body. Name it with ?filename=, X-Filename or Content-Disposition; .pdf, .jsonl, .json, .csv, .tsv.",
        "parameters": [{"name": "filename", "in": "query", "schema": {"type": "string"}}],
        "requestBody": {"required": true, "content": {"application/pdf": {}, "application/jsonl": {}, "application/json": {}, "text/csv": {}, "text/tab-separated-values": {}, "application/octet-stream": {}}},
        "responses": {"202": {"description": "Queued", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
          "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"}}}
    },
    "/v1/documents/{id}": {"delete": {"operationId": "deleteDocument", "summary": "Remove a document from the index",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "format": "int64", "minimum": -9223372036854775808, "maximum": 9223372036854775807}}],
      "responses": {"200": {"description": "Removed", "content": {"application/json": {}}}, "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/v1/chunks/{id}": {"get": {"operationId": "chunk", "summary": "A source's full text with its page",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "format": "int64", "minimum": -9223372036854775808, "maximum": 9223372036854775807}}],
      "responses": {"200": {"description": "The chunk", "content": {"application/json": {}}}, "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/v1/jobs": {"get": {"operationId": "listJobs", "summary": "Ingestion jobs since the server started",
      "responses": {"200": {"description": "Jobs", "content": {"application/json": {}}}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
    "/v1/jobs/{id}": {"get": {"operationId": "job", "summary": "One ingestion job",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "The job", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}}},
        "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/v1/regions": {"get": {"operationId": "regions", "summary": "Location autocomplete",
      "parameters": [{"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 200}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 50}}],
      "responses": {"200": {"description": "Regions, closest first", "content": {"application/json": {"schema": {"type": "object", "properties": {"regions": {"type": "array", "items": {"$ref": "#/components/schemas/Region"}}}}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
    "/v1/regions/resolve": {"get": {"operationId": "resolveRegion", "summary": "What a location string resolves to",
      "parameters": [{"name": "location", "in": "query", "required": true, "schema": {"type": "string", "minLength": 1}}],
      "responses": {"200": {"description": "The region", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Region"}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
    "/v1/models": {"get": {"operationId": "models", "summary": "OpenAI-compatible model list (one model: agriqa)",
      "responses": {"200": {"description": "Models", "content": {"application/json": {}}}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
    "/v1/chat/completions": {"post": {"operationId": "chatCompletions", "summary": "OpenAI-compatible chat completions, answered by AgriQA with sources under `agriqa`",
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatCompletionRequest"}}}},
      "responses": {"200": {"description": "chat.completion, or chat.completion.chunk events ending with data: [DONE]", "content": {"application/json": {}, "text/event-stream": {}}},
        "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
        "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"}, "504": {"$ref": "#/components/responses/Timeout"}}}}
  }
}
"""#
}
