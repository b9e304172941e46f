package io.zoomdex.source;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;

/** What the index already holds, so an incremental crawl can leave it be. */
public interface KnownDocuments {

  /** Nothing is known: everything is fetched. */
  KnownDocuments NONE =
      new KnownDocuments() {
        @Override
        public boolean contains(DocumentId id) {
          return false;
        }

        @Override
        public boolean holds(Document document) {
          return false;
        }
      };

  /** Whether the index holds this document, in any version. */
  boolean contains(DocumentId id);

  /** Whether the index holds exactly this version of the document. */
  boolean holds(Document document);
}
