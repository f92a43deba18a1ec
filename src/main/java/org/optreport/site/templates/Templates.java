package org.optreport.site.templates;

import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.optreport.site.ContentException;

/**
 * Renders the Freemarker templates of one folder. {@code .ftlh} templates escape HTML by default; any
 * template error (missing variable, syntax) becomes a {@link ContentException} naming template and line.
 */
public final class Templates {
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
        configuration.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    }

    /** Renders {@code templateName} (relative to the template folder) with {@code model} as its top-level variables. */
    public String render(String templateName, Map<String, Object> model) {
        try {
            Template template = configuration.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
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
