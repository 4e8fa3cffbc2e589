package org.jparallel.maven.resolver;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.io.xpp3.SettingsXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.MirrorSelector;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * What {@code %maven} takes from a user's {@code ~/.m2/settings.xml}, as Maven does: where the local repository is,
 * whether to stay offline, mirrors (a company's repository manager in place of Maven Central), proxies, and the
 * user names and passwords of servers. {@code ${user.home}} and {@code ${env.NAME}} are expanded; passwords that
 * Maven encrypted ({@code {...}}) are not decrypted.
 *
 * @param localRepository the {@code <localRepository>}, when the file names one
 * @param offline         {@code <offline>}: only what the local repository has
 * @param mirrors         {@code <mirrors>}
 * @param proxies         the active {@code <proxies>}
 * @param servers         the credentials of {@code <servers>}, by repository or mirror id
 */
record MavenSettings(Optional<Path> localRepository, boolean offline, MirrorSelector mirrors, ProxySelector proxies,
                     AuthenticationSelector servers) {
    /** No settings file: Maven's defaults. */
    static final MavenSettings NONE = new MavenSettings(Optional.empty(), false, new DefaultMirrorSelector(),
            new DefaultProxySelector(), new DefaultAuthenticationSelector());

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{(user\\.home|env\\.[A-Za-z0-9_]+)}");

    /**
     * The settings in the file, or {@link #NONE} when there is none.
     *
     * @throws IllegalArgumentException when the file cannot be read or does not parse, naming it and the line
     */
    static MavenSettings read(Path file) {
        Settings settings;
        try (Reader reader = Files.newBufferedReader(file)) {
            settings = new SettingsXpp3Reader().read(reader, false);
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (XmlPullParserException | IOException e) { // a file cut short ends in an EOFException
            throw new IllegalArgumentException(file + " is not Maven settings: " + e.getMessage());
        }
        DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
        for (Mirror mirror : settings.getMirrors()) {
            mirrors.add(mirror.getId(), expand(mirror.getUrl()), mirror.getLayout(), false, mirror.isBlocked(),
                    mirror.getMirrorOf(), mirror.getMirrorOfLayouts());
        }
        DefaultProxySelector proxies = new DefaultProxySelector();
        for (Proxy proxy : settings.getProxies()) {
            if (proxy.isActive()) {
                proxies.add(new org.eclipse.aether.repository.Proxy(proxy.getProtocol(), proxy.getHost(),
                        proxy.getPort(), credentials(proxy.getUsername(), proxy.getPassword())), proxy.getNonProxyHosts());
            }
        }
        DefaultAuthenticationSelector servers = new DefaultAuthenticationSelector();
        for (Server server : settings.getServers()) {
            servers.add(server.getId(), credentials(server.getUsername(), server.getPassword()));
        }
        String local = settings.getLocalRepository();
        return new MavenSettings(local == null || local.isBlank() ? Optional.empty() : Optional.of(Path.of(expand(local.strip()))),
                settings.isOffline(), mirrors, proxies, servers);
    }

    private static Authentication credentials(String username, String password) {
        return username == null ? null : new AuthenticationBuilder().addUsername(expand(username))
                .addPassword(password == null ? null : expand(password)).build();
    }

    /** Maven's settings properties users write most: {@code ${user.home}}, {@code ${env.NAME}}. */
    static String expand(String text) {
        Map<String, String> env = System.getenv();
        Matcher matcher = PROPERTY.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.equals("user.home") ? System.getProperty("user.home") : env.get(name.substring(4));
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        return matcher.appendTail(expanded).toString();
    }
}
