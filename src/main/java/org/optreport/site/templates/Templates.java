package org.optreport.site.templates;

import freemarker.core.Environment;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.BeansWrapper;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.optreport.errors.ContentException;

/**
 * Renders the Freemarker templates of one folder. {@code .ftlh} templates escape HTML by default; any
 * template error (missing variable, syntax) becomes a {@link ContentException} naming template and line.
 */
public final class Templates {
    /**
     * A page longer than this (in characters) is a template bug, a loop that does not end, not a page. A loop that
     * writes nothing, or only into {@code <#assign x>...</#assign>}, is not bounded: Freemarker 2.3.34 has no supported
     * way to stop a template after a time limit.
     */
    static final int MAX_OUTPUT = 32 << 20;

    private final Path templateDir;
    private final Configuration configuration;

    public Templates(Path templateDir) {
        this.templateDir = templateDir;
        this.configuration = new Configuration(Configuration.VERSION_2_3_34);
        try {
            configuration.setDirectoryForTemplateLoading(templateDir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("template folder " + templateDir, e);
        }
        configuration.setRecognizeStandardFileExtensions(true); // .ftlh -> HTML output format, auto-escaping
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        // Same output on every machine: no locale-dependent digits or grouping, no local time zone.
        configuration.setLocale(Locale.ROOT);
        configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
        configuration.setNumberFormat("computer");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        // The preview server edits templates while running: always read the current file.
        configuration.setTemplateUpdateDelayMilliseconds(0);
        // A template is code: it must not reach Java. No ?new (it instantiates any TemplateModel class, e.g. Execute, which
        // runs shell commands), no ?api, and objects other than the model's maps, lists and scalars expose nothing (at the
        // default SAFE level their methods, getClass() and so reflection, are callable).
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setExposureLevel(BeansWrapper.EXPOSE_NOTHING);
        configuration.setObjectWrapper(wrapper.build());
    }

    /** Renders {@code templateName} (relative to the template folder) with {@code model} as its top-level variables. */
    public String render(String templateName, Map<String, Object> model) {
        try {
            Template template = configuration.getTemplate(templateName);
            BoundedWriter out = new BoundedWriter();
            template.process(model, out);
            return out.text.toString();
        } catch (OutputTooLong e) {
            throw new ContentException(source(e.sourceName, templateName), e.line, "template output exceeds " + (MAX_OUTPUT >> 20) + " MiB: a runaway loop?", e);
        } catch (TemplateNotFoundException e) {
            throw new ContentException(templateDir.resolve(templateName), 0, "template not found in " + templateDir, e);
        } catch (ParseException e) {
            throw new ContentException(source(e.getTemplateName(), templateName), e.getLineNumber(), "syntax error: " + e.getEditorMessage(), e);
        } catch (TemplateException e) {
            throw new ContentException(source(e.getTemplateSourceName(), templateName), orZero(e.getLineNumber()), describe(e), e);
        } catch (IOException e) {
            throw new ContentException(templateDir.resolve(templateName), 0, "cannot read template: " + e.getMessage(), e);
        }
    }

    /** Collects a page, failing once it exceeds {@link #MAX_OUTPUT} rather than growing until the heap runs out. */
    private static final class BoundedWriter extends Writer {
        final StringBuilder text = new StringBuilder();

        @Override public void write(char[] chars, int offset, int length) throws OutputTooLong { reserve(length); text.append(chars, offset, length); }
        @Override public void write(String s, int offset, int length) throws OutputTooLong { reserve(length); text.append(s, offset, offset + length); }
        @Override public void write(int c) throws OutputTooLong { reserve(1); text.append((char) c); }
        @Override public void flush() {}
        @Override public void close() {}

        private void reserve(int length) throws OutputTooLong {
            if (text.length() + (long) length > MAX_OUTPUT) throw new OutputTooLong(Environment.getCurrentEnvironment());
        }
    }

    /** Thrown by the writer, so Freemarker passes it on untouched; it keeps the template and line that was writing. */
    private static final class OutputTooLong extends IOException {
        final String sourceName;
        final int line;

        OutputTooLong(Environment env) {
            super("template output exceeds " + MAX_OUTPUT + " characters");
            TemplateException where = new TemplateException(getMessage(), env); // locates the current instruction
            this.sourceName = where.getTemplateSourceName();
            this.line = orZero(where.getLineNumber());
        }
    }

    private Path source(String sourceName, String fallback) { return templateDir.resolve(sourceName != null ? sourceName : fallback); }

    private static int orZero(Integer line) { return line != null ? line : 0; }

    /** A one-line reason: the missing variable by name, or Freemarker's first line of explanation. */
    private static String describe(TemplateException e) {
        String blamed = e.getBlamedExpressionString();
        if (e instanceof InvalidReferenceException && blamed != null)
            return "'" + blamed + "' is missing from the data model or null (mark optional values with ?? or !)";
        String message = e.getMessageWithoutStackTop();
        String firstLine = message == null ? e.getClass().getSimpleName() : message.strip().lines().findFirst().orElse(message);
        return blamed != null ? firstLine + " (in '" + blamed + "')" : firstLine;
    }
}
