package io.zoomdex.source;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * An AI Companion summary's Markdown ({@code summary_content}) as the text that is indexed and
 * shown: no {@code ##} or {@code *} left, one line per paragraph or list item (so each line is a
 * snippet that makes sense alone). A heading leads its first paragraph ("Quick recap: The team
 * ..."), or stands on its own line before a list or another heading; list items start with "• ".
 */
final class SummaryText {
  private static final Parser PARSER = Parser.builder().build();
  private static final TextContentRenderer RENDERER =
      TextContentRenderer.builder().lineBreakRendering(LineBreakRendering.COMPACT).build();

  private SummaryText() {}

  /** The text of {@code markdown}; empty for blank input. */
  static String of(String markdown) {
    List<String> lines = new ArrayList<>();
    String heading = null;
    for (Node block = PARSER.parse(markdown).getFirstChild();
        block != null;
        block = block.getNext()) {
      String text = RENDERER.render(block).strip();
      if (text.isEmpty()) {
        continue;
      }
      if (block instanceof Heading) {
        if (heading != null) {
          lines.add(heading);
        }
        heading = text;
      } else if (block instanceof ListBlock) {
        if (heading != null) {
          lines.add(heading);
          heading = null;
        }
        text.lines().map(SummaryText::bulleted).forEach(lines::add);
      } else {
        List<String> paragraph = new ArrayList<>(text.lines().toList());
        if (heading != null) {
          paragraph.set(0, heading + ": " + paragraph.get(0));
          heading = null;
        }
        lines.addAll(paragraph);
      }
    }
    if (heading != null) {
      lines.add(heading);
    }
    return String.join("\n", lines);
  }

  /** "- item" or "* item" as "• item"; numbered items keep their numbers. */
  private static String bulleted(String line) {
    String stripped = line.stripLeading();
    if (stripped.length() > 1
        && "-*+".indexOf(stripped.charAt(0)) >= 0
        && stripped.charAt(1) == ' ') {
      return line.substring(0, line.length() - stripped.length()) + "• " + stripped.substring(2);
    }
    return line;
  }
}
