package io.zoomdex.sink.lucene;

import io.zoomdex.document.Document;
import io.zoomdex.document.Readers;
import io.zoomdex.search.DocumentView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The documents of one index snapshot rebuilt from what the index keeps, in id order: stored fields
 * for the text, and the indexed reader terms (never stored) for the readers. For re-embedding
 * without calling Zoom.
 */
final class StoredDocuments {

  private final DirectoryReader snapshot;
  private final StoredFields stored;

  /** Readers of each live document, per segment: read once from the postings. */
  private final List<Map<Integer, List<String>>> readersBySegment = new ArrayList<>();

  StoredDocuments(DirectoryReader snapshot) throws IOException {
    this.snapshot = snapshot;
    this.stored = snapshot.storedFields();
    for (LeafReaderContext leaf : snapshot.leaves()) {
      Map<Integer, List<String>> readers = new HashMap<>();
      Terms terms = leaf.reader().terms(LuceneSchema.READERS);
      if (terms != null) {
        TermsEnum principals = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef principal = principals.next();
            principal != null;
            principal = principals.next()) {
          String email = principal.utf8ToString();
          postings = principals.postings(postings, PostingsEnum.NONE);
          for (int doc = postings.nextDoc();
              doc != DocIdSetIterator.NO_MORE_DOCS;
              doc = postings.nextDoc()) {
            readers.computeIfAbsent(doc, d -> new ArrayList<>()).add(email);
          }
        }
      }
      readersBySegment.add(readers);
    }
  }

  /** How many live documents have an id above {@code after} (all when null). */
  long count(String after) throws IOException {
    Terms ids = MultiTerms.getTerms(snapshot, LuceneSchema.ID);
    if (ids == null) {
      return 0;
    }
    Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(snapshot);
    long count = 0;
    BytesRef bound = after == null ? null : new BytesRef(after);
    TermsEnum terms = ids.iterator();
    PostingsEnum postings = null;
    for (BytesRef term = terms.next(); term != null; term = terms.next()) {
      if (bound != null && term.compareTo(bound) <= 0) {
        continue;
      }
      postings = terms.postings(postings, PostingsEnum.NONE);
      for (int doc = postings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          count++;
          break;
        }
      }
    }
    return count;
  }

  /** How many live documents have an id at or below {@code last}. */
  long countUpTo(String last) throws IOException {
    return count(null) - count(last);
  }

  /** The live documents with an id above {@code after} (every one when null), in id order. */
  Iterable<Document> after(String after) throws IOException {
    Terms ids = MultiTerms.getTerms(snapshot, LuceneSchema.ID);
    if (ids == null) {
      return List.of();
    }
    Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(snapshot);
    return () -> new Walk(ids, live, after);
  }

  private Document load(int doc) throws IOException {
    org.apache.lucene.document.Document fields = stored.document(doc);
    DocumentView view = LuceneSchema.toView(fields);
    int segment = ReaderUtil.subIndex(doc, snapshot.leaves());
    int local = doc - snapshot.leaves().get(segment).docBase;
    List<String> readers = readersBySegment.get(segment).getOrDefault(local, List.of());
    return new Document(
        view.id(),
        view.title(),
        view.body(),
        view.hostEmail(),
        view.startTime(),
        view.durationMinutes(),
        view.url(),
        new Readers(new HashSet<>(readers), LuceneSchema.readerRules(fields)),
        view.sourceIds());
  }

  private final class Walk implements Iterator<Document> {
    private final TermsEnum terms;
    private final Bits live;
    private PostingsEnum postings;
    private Document next;

    Walk(Terms ids, Bits live, String after) {
      this.live = live;
      try {
        this.terms = ids.iterator();
        if (after != null) {
          TermsEnum.SeekStatus status = terms.seekCeil(new BytesRef(after));
          if (status == TermsEnum.SeekStatus.END) {
            return;
          }
          if (status == TermsEnum.SeekStatus.FOUND) {
            advance(terms.next());
          } else {
            advance(terms.term());
          }
        } else {
          advance(terms.next());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void advance(BytesRef term) throws IOException {
      next = null;
      while (term != null) {
        postings = terms.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          if (live == null || live.get(doc)) {
            next = load(doc);
            return;
          }
        }
        term = terms.next();
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Document next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Document current = next;
      try {
        advance(terms.next());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return current;
    }
  }
}
