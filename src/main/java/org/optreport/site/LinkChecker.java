package org.optreport.site;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks every internal link, anchor, image, script and stylesheet of a generated site: the target file must
 * exist inside the site and a {@code #fragment} must name an element id of the target page. Root-relative
 * links ({@code /x}) are errors too, since they break under a GitHub Pages project path.
 */
public final class LinkChecker {
    private LinkChecker() {}

    /** Every broken link as "page: target (why)"; empty when the site is whole. */
    public static List<String> check(Path siteRoot) throws IOException {
        Map<Path, Set<String>> ids = new HashMap<>();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(siteRoot)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        for (Path page : pages) ids.put(page.normalize(), idsOf(Jsoup.parse(page.toFile(), "UTF-8")));
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            String name = siteRoot.relativize(page).toString();
            for (Element e : doc.select("a[href], link[href], img[src], script[src]")) {
                String target = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                String problem = problem(siteRoot, page, target, ids);
                if (problem != null) broken.add(name + ": " + target + " (" + problem + ")");
            }
        }
        return broken;
    }

    private static String problem(Path root, Path page, String target, Map<Path, Set<String>> ids) {
        if (target.isEmpty()) return "empty link";
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return "malformed link";
        }
        if (uri.getScheme() != null || target.startsWith("//")) return null; // external: not ours to check
        if (target.startsWith("/")) return "root-relative links break under a GitHub Pages project path";
        String path = uri.getRawPath() == null ? "" : URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8);
        Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
        if (!file.startsWith(root.normalize())) return "points outside the site";
        if (Files.isDirectory(file)) file = file.resolve("index.html");
        if (!Files.isRegularFile(file)) return "no such file";
        String fragment = uri.getRawFragment();
        if (fragment != null && !fragment.isEmpty() && file.toString().endsWith(".html")) {
            Set<String> known = ids.get(file.normalize());
            if (known == null || !known.contains(URLDecoder.decode(fragment, StandardCharsets.UTF_8))) return "no such anchor";
        }
        return null;
    }

    private static Set<String> idsOf(Document doc) {
        Set<String> ids = new HashSet<>();
        for (Element e : doc.select("[id]")) ids.add(e.id());
        for (Element e : doc.select("a[name]")) ids.add(e.attr("name"));
        return ids;
    }
}
