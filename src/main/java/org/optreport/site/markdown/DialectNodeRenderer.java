package org.optreport.site.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import org.optreport.errors.ContentException;
import org.optreport.site.claims.Verdict;

import java.util.Set;

/**
 * HTML for the dialect's nodes. Math goes into elements with class "math", the only ones MathJax typesets; values are
 * escaped text; figures are the build's trusted HTML; claims are marked as {@link ClaimMarkup} says. One instance per render, bound to the page and its context.
 */
final class DialectNodeRenderer implements NodeRenderer {
    private final ParsedPage page;
    private final RenderContext context;

    DialectNodeRenderer(ParsedPage page, RenderContext context) {
        this.page = page;
        this.context = context;
    }

    /** Plugs a renderer for one page and context into an HtmlRenderer builder. */
    static HtmlRenderer.HtmlRendererExtension extension(ParsedPage page, RenderContext context) {
        return new HtmlRenderer.HtmlRendererExtension() {
            @Override
            public void rendererOptions(MutableDataHolder options) {}

            @Override
            public void extend(HtmlRenderer.Builder builder, String rendererType) {
                builder.nodeRendererFactory(options -> new DialectNodeRenderer(page, context));
            }
        };
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(InlineMath.class, this::renderInlineMath),
                new NodeRenderingHandler<>(DisplayMath.class, this::renderDisplayMath),
                new NodeRenderingHandler<>(Directive.class, this::renderDirective),
                new NodeRenderingHandler<>(ValueNode.class, this::renderValue),
                new NodeRenderingHandler<>(ClaimNode.class, this::renderClaim),
                new NodeRenderingHandler<>(ClaimBlock.class, this::renderClaimBlock),
                new NodeRenderingHandler<>(Conditional.class, this::renderConditional),
                new NodeRenderingHandler<>(ReferenceNode.class, this::renderReference),
                new NodeRenderingHandler<>(ShortLabelNode.class, (node, ctx, html) -> {}),
                new NodeRenderingHandler<>(CitationNode.class, (node, ctx, html) -> html.raw(context.citation(node.use()))),
                new NodeRenderingHandler<>(com.vladsch.flexmark.ast.Heading.class, this::renderHeading));
    }

    private void renderInlineMath(InlineMath math, NodeRendererContext ctx, HtmlWriter html) {
        verbatim(html, mathSpan(math.display() ? "display" : "inline", withValues(math, math.mathJaxText())));
    }

    private void renderDisplayMath(DisplayMath math, NodeRendererContext ctx, HtmlWriter html) {
        html.line();
        verbatim(html, "<div class=\"math display\">" + Html.escape(withValues(math, math.mathJaxText())) + "</div>");
        html.line();
    }

    /** Math with its quoted values filled in; math without {@code {{study.key}}} is returned unchanged. */
    private String withValues(Node math, String tex) {
        return MathValues.substitute(tex, key -> context.value(page.values().stream()
                .filter(v -> v.key().equals(key)).findFirst().orElse(new ValueUse(key, 0))));
    }

    private void renderDirective(Directive directive, NodeRendererContext ctx, HtmlWriter html) {
        NodeRendererContext caption = ctx.getSubContext(false);
        Node first = directive.getFirstChild();
        // a one-paragraph caption renders inline, without <p>, to fit a <figcaption>
        caption.renderChildren(first instanceof Paragraph && first.getNext() == null ? first : directive);
        String captionHtml = caption.getHtmlWriter().toString(0, 0, true).strip();
        html.line();
        html.raw(context.figure(directive.use(), captionHtml));
        html.line();
    }

    private void renderValue(ValueNode value, NodeRendererContext ctx, HtmlWriter html) {
        html.raw(Html.escape(context.value(value.use())));
    }

    private void renderClaim(ClaimNode claim, NodeRendererContext ctx, HtmlWriter html) {
        html.raw(ClaimMarkup.mark(claim.use(), context.check(claim.use())));
    }

    private void renderClaimBlock(ClaimBlock claim, NodeRendererContext ctx, HtmlWriter html) {
        Verdict verdict = context.check(claim.use());
        html.line();
        html.raw(ClaimMarkup.blockStart(claim.use(), verdict));
        html.line();
        ctx.renderChildren(claim);
        html.line();
        html.raw(ClaimMarkup.blockEnd());
        html.line();
    }

    /** Only the wording the numbers choose is rendered; a condition that cannot be decided marks its fallback. */
    private void renderConditional(Conditional conditional, NodeRendererContext ctx, HtmlWriter html) {
        Verdict verdict = context.check(conditional.use());
        Node wording = verdict.holds() ? conditional.whenTrue() : conditional.whenFalse();
        boolean undecided = verdict.outcome() == Verdict.Outcome.UNDECIDED;
        if (undecided) html.raw(ClaimMarkup.undecidedStart(conditional.use(), verdict));
        if (wording != null) ctx.renderChildren(wording);
        if (undecided) html.raw(ClaimMarkup.undecidedEnd());
    }

    private void renderReference(ReferenceNode node, NodeRendererContext ctx, HtmlWriter html) {
        ReferenceUse use = node.use();
        Reference reference = context.reference(use);
        if (reference == null) {
            if (use.kind() != ReferenceUse.Kind.EQ) {
                throw new ContentException(page.source(), use.line(), "@" + use.target() + " has no target");
            }
            verbatim(html, mathSpan("inline", "\\(\\eqref{" + use.target() + "}\\)"));
            return;
        }
        html.raw("<a href=\"" + Html.escape(reference.href()) + "\">" + Html.escape(reference.text()) + "</a>");
    }

    private void renderHeading(com.vladsch.flexmark.ast.Heading heading, NodeRendererContext ctx, HtmlWriter html) {
        String tag = "h" + heading.getLevel();
        html.line();
        html.raw("<" + tag + " id=\"" + Html.escape(heading.getAnchorRefId()) + "\">");
        String number = context.sectionNumber(heading.getAnchorRefId());
        if (number != null) html.raw("<span class=\"section-number\">" + Html.escape(number) + "</span> ");
        ctx.renderChildren(heading);
        html.raw("</" + tag + ">");
        html.line();
    }

    /** The HTML writer re-indents lines and drops leading spaces; inside "pre" it leaves text as it is. */
    private static void verbatim(HtmlWriter html, String text) {
        html.openPre();
        html.raw(text);
        html.closePre();
    }

    private static String mathSpan(String style, String mathJaxText) {
        return "<span class=\"math " + style + "\">" + Html.escape(mathJaxText) + "</span>";
    }
}
