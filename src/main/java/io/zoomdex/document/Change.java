package io.zoomdex.document;

/** What a crawl asks the index to do with one document. */
public sealed interface Change permits Change.Upsert, Change.Delete {

  /** The document this change is about. */
  DocumentId id();

  /** Insert the document, or replace the one with the same id. */
  record Upsert(Document document) implements Change {
    @Override
    public DocumentId id() {
      return document.id();
    }
  }

  /** Remove the document with this id; removing an absent one is not an error. */
  record Delete(DocumentId id) implements Change {}
}
