package org.optreport.site.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Gathers each {@code {{if}} ... {{else}} ... {{end}}} into a {@link Conditional} holding the two wordings. The three
 * markers must be siblings, within one paragraph (or one emphasis, one link): a wording is a piece of a sentence.
 */
final class ConditionalWording {
    private ConditionalWording() {}

    static void group(Node root) {
        groupChildren(root, false);
    }

    private static void groupChildren(Node parent, boolean inHeading) {
        boolean heading = inHeading || parent instanceof Heading;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof ConditionMarker marker) {
                if (marker.kind() != ConditionMarker.Kind.IF)
                    throw new DialectException(marker.getStartOffset(), "{{" + marker.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + "}} without an {{if ...}} before it in the same paragraph");
                if (heading)
                    throw new DialectException(marker.getStartOffset(), "{{if ...}} cannot be in a heading: its id and the "
                            + "contents are fixed before the numbers are known");
                child = gather(marker);
            } else {
                groupChildren(child, heading);
            }
        }
    }

    /** Replaces the markers from {@code opening} to its {@code {{end}}} by a Conditional; returns it. */
    private static Conditional gather(ConditionMarker opening) {
        Conditional conditional = new Conditional(opening.getChars(), opening.condition());
        Conditional.Branch whenTrue = new Conditional.Branch(opening.getChars());
        Conditional.Branch whenFalse = null;
        Conditional.Branch current = whenTrue;
        Node node = opening.getNext();
        while (true) {
            if (node == null)
                throw new DialectException(opening.getStartOffset(), "{{if ...}} is not closed by {{end}} in the same paragraph");
            Node next = node.getNext();
            node.unlink();
            if (node instanceof ConditionMarker marker) {
                if (marker.kind() == ConditionMarker.Kind.END) break;
                if (marker.kind() == ConditionMarker.Kind.IF)
                    throw new DialectException(marker.getStartOffset(), "{{if ...}} inside another {{if ...}}: conditional "
                            + "wording does not nest; write two sentences");
                if (whenFalse != null) throw new DialectException(marker.getStartOffset(), "a second {{else}} in one {{if ...}}");
                whenFalse = new Conditional.Branch(marker.getChars());
                current = whenFalse;
            } else {
                current.appendChild(node);
            }
            node = next;
        }
        conditional.appendChild(whenTrue);
        if (whenFalse != null) conditional.appendChild(whenFalse);
        opening.insertBefore(conditional);
        opening.unlink();
        // an {{else}} or {{end}} left inside an emphasis of one wording is an error there too
        groupChildren(whenTrue, false);
        if (whenFalse != null) groupChildren(whenFalse, false);
        return conditional;
    }
}
