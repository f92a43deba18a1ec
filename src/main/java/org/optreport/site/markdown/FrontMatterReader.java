package org.optreport.site.markdown;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.optreport.errors.ContentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Splits a page into its YAML front matter and its Markdown body. The body keeps the front matter's lines as empty
 * lines, so line numbers in the body are line numbers in the original file.
 */
final class FrontMatterReader {

    record Split(FrontMatter frontMatter, String body) {}

    private static final Set<String> KEYS = Set.of("title", "order", "description");
    private static final YAMLMapper YAML = new YAMLMapper();

    private FrontMatterReader() {}

    /** @param text the page with "\n" line ends */
    static Split read(Path file, String text) {
        String[] lines = text.split("\n", -1);
        if (!lines[0].strip().equals("---")) {
            throw new ContentException(file, 1, "missing front matter: a page starts with '---', YAML with a title, '---'");
        }
        int closing = 1;
        while (closing < lines.length && !isClosingFence(lines[closing])) {
            closing++;
        }
        if (closing == lines.length) {
            throw new ContentException(file, 1, "front matter opened here is not closed by '---'");
        }
        StringBuilder yaml = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0 && i < closing) {
                yaml.append(lines[i]).append('\n');
            }
            if (i > closing) {
                body.append(lines[i]);
            }
            if (i < lines.length - 1) {
                body.append('\n');
            }
        }
        return new Split(parseYaml(file, yaml.toString()), body.toString());
    }

    private static boolean isClosingFence(String line) {
        String stripped = line.strip();
        return stripped.equals("---") || stripped.equals("...");
    }

    /** YAML line 1 is file line 2, after the opening '---'. */
    private static FrontMatter parseYaml(Path file, String yaml) {
        String title = null;
        double order = FrontMatter.DEFAULT_ORDER;
        String description = null;
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new ContentException(file, 1, "front matter has no title");
            }
            if (token != JsonToken.START_OBJECT) {
                throw new ContentException(file, fileLine(parser.currentTokenLocation()),
                        "front matter must be 'key: value' lines");
            }
            Set<String> seen = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int line = fileLine(parser.currentTokenLocation());
                parser.nextToken();
                JsonNode value = YAML.readTree(parser);
                if (!KEYS.contains(key)) {
                    throw new ContentException(file, line, "unknown front matter key '" + key + "' (known: title, order, description)");
                }
                if (!seen.add(key)) {
                    throw new ContentException(file, line, "front matter key '" + key + "' appears twice");
                }
                switch (key) {
                    case "title" -> title = text(file, line, key, value);
                    case "description" -> description = value == null || value.isNull() ? null : text(file, line, key, value);
                    default -> order = number(file, line, key, value);
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : fileLine(e.getLocation());
            throw new ContentException(file, line, "malformed front matter YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (title == null) {
            throw new ContentException(file, 1, "front matter has no title");
        }
        return new FrontMatter(title, order, description);
    }

    private static int fileLine(JsonLocation location) {
        return Math.max(location.getLineNr(), 1) + 1;
    }

    private static String text(Path file, int line, String key, JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new ContentException(file, line, "front matter '" + key + "' must be non-empty text");
        }
        return value.asText();
    }

    private static double number(Path file, int line, String key, JsonNode value) {
        if (value == null || !value.isNumber()) {
            throw new ContentException(file, line, "front matter '" + key + "' must be a number");
        }
        return value.asDouble();
    }
}
