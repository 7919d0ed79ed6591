package dev.dualdb.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in the README and in {@code docs/} leads to a file that exists and,
 * when it names an anchor, to a heading of that file (anchors as GitHub makes them from
 * headings).
 */
class DocsLinksTests {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void everyRelativeLinkAndAnchorExists() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            for (String target : links(file)) {
                checked++;
                String problem = problemWith(file, target);
                if (problem != null) {
                    broken.add(file + ": (" + target + ") " + problem);
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
        assertThat(checked).as("links checked").isGreaterThan(20);
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() {
        assertThat(slug("Set in application.yaml")).isEqualTo("set-in-applicationyaml");
        assertThat(slug("`bench/crash-test`")).isEqualTo("benchcrash-test");
        assertThat(slug("Where does X go")).isEqualTo("where-does-x-go");
    }

    private String problemWith(Path from, String target) throws IOException {
        if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = (hash >= 0) ? target.substring(0, hash) : target;
        String anchor = (hash >= 0) ? target.substring(hash + 1) : null;
        Path resolved = path.isEmpty() ? from : from.toAbsolutePath().getParent().resolve(path).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor == null) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        if (!anchorsOf(resolved).contains(anchor)) {
            return "no heading with the anchor #" + anchor;
        }
        return null;
    }

    private Set<String> anchorsOf(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        Set<String> known = this.anchors.get(key);
        if (known == null) {
            known = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            for (String line : prose(key)) {
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    String slug = slug(heading.group(1));
                    int count = seen.merge(slug, 1, Integer::sum);
                    known.add((count == 1) ? slug : slug + "-" + (count - 1));
                }
            }
            this.anchors.put(key, known);
        }
        return known;
    }

    private static List<String> links(Path file) throws IOException {
        List<String> targets = new ArrayList<>();
        for (String line : prose(file)) {
            Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            while (link.find()) {
                targets.add(link.group(1));
            }
        }
        return targets;
    }

    /** The lines of a Markdown file outside fenced code blocks. */
    private static List<String> prose(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            }
            else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
     */
    static String slug(String heading) {
        String text = heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "");
        return text.replace(' ', '-');
    }

}
