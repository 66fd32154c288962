package dev.bulwark.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A loopback HTTP server that answers with 200 MB bodies it generates as it writes them (so that it holds no such
 * body in memory): {@code /json-with-length}, {@code /endless} (chunked, never ending), {@code /error} (a 500) and
 * {@code /text}. Writing stops when the client goes away.
 */
final class HugeBodyServer implements AutoCloseable {
  private static final long SIZE = 200L * 1024 * 1024;
  private final ServerSocket socket;

  HugeBodyServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::serve, "huge-body-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread handler = new Thread(() -> answer(client), "huge-body-answer");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void answer(Socket client) {
    try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
      String path = requestPath(in);
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) ' ');
      chunk[0] = '[';
      if (path.equals("/endless")) {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        // Bounded all the same, at 4 GB, should a client never stop reading.
        for (long sent = 0; sent < 64L * SIZE / 3; sent += chunk.length) {
          out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return;
      }
      String status = path.equals("/error") ? "500 Internal Server Error" : "200 OK";
      String type = path.equals("/text") ? "text/plain" : "application/json";
      out.write(("HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + SIZE + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      for (long sent = 0; sent < SIZE; sent += chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, SIZE - sent));
      }
    } catch (IOException clientWentAway) {
      // The client stopped reading: what it should do.
    }
  }

  private static String requestPath(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      head.append((char) c);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    String[] requestLine = head.toString().split(" ", 3);
    return requestLine.length > 1 ? requestLine[1] : "/";
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
