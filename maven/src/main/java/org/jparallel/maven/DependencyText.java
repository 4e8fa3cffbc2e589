package org.jparallel.maven;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What a {@code %%maven} cell asks for: coordinates, one or more a line, or what a POM says, as pasted from a
 * project or from a library's page: {@code <dependency>} and {@code <repository>} elements, alone or in a whole
 * {@code <project>} (whose {@code <properties>} fill in {@code ${...}}).
 *
 * <p>Of a whole project, only what it needs at run time is taken, as Maven runs it: dependencies of scope
 * {@code compile} (the default) and {@code runtime}, not {@code test} or {@code provided}. A {@code <dependency>}
 * pasted alone is taken whatever its scope (a library's page gives JUnit's with {@code <scope>test</scope>}).
 * Scopes named by the user select in both.
 *
 * <pre>{@code
 * DependencyText.parse("""
 *     <dependency>
 *       <groupId>org.apache.commons</groupId>
 *       <artifactId>commons-math3</artifactId>
 *       <version>3.6.1</version>
 *     </dependency>""").coordinates();   // [org.apache.commons:commons-math3:3.6.1]
 * }</pre>
 *
 * @param coordinates  {@code group:artifact[:extension[:classifier]]:version}, in the order given
 * @param repositories {@code ID::URL} of each {@code <repository>}
 * @param leftOut      {@code coordinates (scope)} of the dependencies of a scope not taken
 */
record DependencyText(List<String> coordinates, List<String> repositories, List<String> leftOut) {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    /** What a project needs to run, as Maven's runtime class path has it. */
    static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");
    /** Every scope a dependency may have. */
    static final Set<String> SCOPES = Set.of("compile", "runtime", "provided", "test", "system", "import");

    /** The cell's dependencies: of a whole project those of {@link #RUNTIME_SCOPES}, else all. */
    static DependencyText parse(String text) {
        return parse(text, Set.of());
    }

    /**
     * The cell's dependencies of the given scopes (a dependency without one is {@code compile}); with none given,
     * as {@link #parse(String)}.
     *
     * @throws IllegalArgumentException when the XML does not parse, a dependency lacks a part it needs, or a scope
     *                                  is not Maven's
     */
    static DependencyText parse(String text, Set<String> scopes) {
        for (String scope : scopes) {
            if (!SCOPES.contains(scope)) {
                throw new IllegalArgumentException("no scope " + scope + ": Maven's are " + String.join(", ",
                        SCOPES.stream().sorted().toList()));
            }
        }
        String body = text.strip();
        if (!body.startsWith("<")) {
            List<String> coordinates = new ArrayList<>();
            for (String line : body.split("\n")) {
                String words = line.replaceFirst("(#|//).*", "").strip(); // a comment to the end of the line
                if (!words.isEmpty()) {
                    coordinates.addAll(List.of(words.split("\\s+")));
                }
            }
            return new DependencyText(coordinates, List.of(), List.of());
        }
        Element root = xml(body.replaceFirst("^<\\?xml[^>]*\\?>", "").strip());
        Map<String, String> properties = properties(root);
        Set<String> taken = !scopes.isEmpty() ? scopes
                : elements(root, "project").isEmpty() ? SCOPES : RUNTIME_SCOPES;
        List<String> coordinates = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Element dependency : elements(root, "dependency")) {
            if (!inside(dependency, "dependencyManagement", "plugin", "plugins", "exclusions")) {
                String scope = child(dependency, "scope", properties);
                scope = scope.isEmpty() ? "compile" : scope;
                String wanted = coordinates(dependency, properties);
                if (taken.contains(scope)) {
                    coordinates.add(wanted);
                } else {
                    leftOut.add(wanted + " (" + scope + ")");
                }
            }
        }
        List<String> repositories = new ArrayList<>();
        for (Element repository : elements(root, "repository")) {
            String url = child(repository, "url", properties);
            if (url.isEmpty()) {
                throw new IllegalArgumentException("a <repository> needs a <url>");
            }
            String id = child(repository, "id", properties);
            repositories.add(id.isEmpty() ? url : id + "::" + url);
        }
        return new DependencyText(coordinates, repositories, leftOut);
    }

    private static String coordinates(Element dependency, Map<String, String> properties) {
        String group = child(dependency, "groupId", properties);
        String artifact = child(dependency, "artifactId", properties);
        String version = child(dependency, "version", properties);
        if (group.isEmpty() || artifact.isEmpty()) {
            throw new IllegalArgumentException("a <dependency> needs a <groupId> and an <artifactId>");
        }
        if (version.isEmpty()) {
            throw new IllegalArgumentException(group + ":" + artifact + " has no <version>: give it one (a BOM's"
                    + " versions are not read here)");
        }
        String type = child(dependency, "type", properties);
        String classifier = child(dependency, "classifier", properties);
        String extension = type.isEmpty() || type.equals("jar") ? "jar" : type;
        return classifier.isEmpty() && extension.equals("jar") ? group + ":" + artifact + ":" + version
                : group + ":" + artifact + ":" + extension + (classifier.isEmpty() ? "" : ":" + classifier) + ":" + version;
    }

    /** The text of the element's child of that name, with properties filled in; "" when there is none. */
    private static String child(Element element, String name, Map<String, String> properties) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return fill(child.getTextContent().strip(), properties);
            }
        }
        return "";
    }

    private static String fill(String text, Map<String, String> properties) {
        Matcher matcher = PROPERTY.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = properties.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("${" + matcher.group(1) + "} is not among the <properties>");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }

    private static Map<String, String> properties(Element root) {
        Map<String, String> properties = new HashMap<>();
        for (Element block : elements(root, "properties")) {
            for (Node node = block.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().strip());
                }
            }
        }
        return properties;
    }

    private static List<Element> elements(Element root, String name) {
        List<Element> found = new ArrayList<>();
        if (root.getTagName().equals(name)) {
            found.add(root);
        }
        NodeList nodes = root.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static boolean inside(Element element, String... ancestors) {
        for (Node node = element.getParentNode(); node instanceof Element parent; node = parent.getParentNode()) {
            if (List.of(ancestors).contains(parent.getTagName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses the text as the children of one element, so that several {@code <dependency>} may follow each other (a
     * whole {@code <project>} is then that element's one child).
     */
    private static Element xml(String body) {
        String document = "<cell>" + body + "</cell>";
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // a notebook's text, not a document from anywhere: no DOCTYPE, so no entities reaching out
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws fatal errors instead of printing them
            return builder.parse(new InputSource(new StringReader(document))).getDocumentElement();
        } catch (SAXException e) {
            throw new IllegalArgumentException("the cell's XML does not parse: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
