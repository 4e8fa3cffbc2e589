package org.jparallel.maven.resolver;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** A folder served over HTTP on 127.0.0.1 to one user and password, as a company's repository manager would. */
final class PasswordRepository {
    private PasswordRepository() {
    }

    static HttpServer serve(Path folder, String user, String password) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> send(folder, exchange)).setAuthenticator(new BasicAuthenticator("maven") {
            @Override
            public boolean checkCredentials(String givenUser, String givenPassword) {
                return givenUser.equals(user) && givenPassword.equals(password);
            }
        });
        server.start();
        return server;
    }

    private static void send(Path folder, HttpExchange exchange) throws IOException {
        Path file = folder.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(bytes);
            }
        }
        exchange.close();
    }
}
