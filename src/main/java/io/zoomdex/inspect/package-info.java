/**
 * The index inspector: why each reader of a document is one (the rule the crawler recorded with the
 * document), whether a given person can read it and why, and how the document was indexed.
 * Administrators only: {@code zoomdex explain} and {@code GET /api/admin/explain}.
 */
package io.zoomdex.inspect;
